/** Lesson 3's practice: run hello-world yourself, from your own terminal. Pure. */
import { bestOf, exitCheck, ok, str, tx, wasStarted } from '../evidence';
import type { Exercise } from '../types';

/** `hello-world`, `library/hello-world:latest`, `127.0.0.1:5000/library/hello-world`… */
const HELLO = /(^|\/)hello-world(:[\w.-]+)?(@sha256:[0-9a-f]+)?$/;

export const helloWorldExercise: Exercise = {
    id: 'hello.runYourself',
    lessonId: 'hello-world',
    task: tx('Now run hello-world yourself, in your own terminal, and read what it prints.', '이제 직접 터미널에서 hello-world를 실행하고, 출력되는 내용을 읽어 보세요.'),
    hint: tx('The client sends your command to the daemon; the image is called hello-world.', '클라이언트가 명령을 데몬에 보냅니다. 이미지 이름은 hello-world입니다.'),
    solution: 'docker run hello-world',
    check(evidence) {
        const hello = evidence.containers.filter((c) => HELLO.test(str(c, 'Config', 'Image')));
        return bestOf(hello, (c) => [
            wasStarted(c)
                ? ok(true, tx(`A container from ${str(c, 'Config', 'Image')} ran on your engine.`, `${str(c, 'Config', 'Image')} 이미지로 만든 컨테이너가 엔진에서 실행되었습니다.`))
                : ok(false, tx('A hello-world container was created but not started: docker run creates and starts it.', 'hello-world 컨테이너를 만들기만 하고 시작하지 않았습니다. docker run은 만들고 시작까지 합니다.')),
            exitCheck(c),
        ]);
    },
};
