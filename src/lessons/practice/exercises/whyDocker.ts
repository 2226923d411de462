/** Lesson 1's practice: run a program without installing it, and leave nothing behind. Pure. */
import { actionsOf, bestOf, exitCheck, field, ok, str, tx, wasStarted } from '../evidence';
import type { Exercise } from '../types';

export const whyDockerExercise: Exercise = {
    id: 'why.runAndRemove',
    lessonId: 'why-docker',
    task: tx(
        'In your own terminal, run a program from an image without installing anything, and leave no container behind when it ends.',
        '직접 터미널에서, 아무것도 설치하지 않고 이미지로 프로그램을 하나 실행하세요. 프로그램이 끝나면 컨테이너가 남지 않아야 합니다.',
    ),
    hint: tx('docker run starts a program from an image; one of its options removes the container when the program ends.', 'docker run은 이미지로 프로그램을 시작합니다. 프로그램이 끝나면 컨테이너를 지우는 옵션이 있습니다.'),
    solution: 'docker run --rm busybox echo "it works"',
    check(evidence) {
        const ran = evidence.containers.filter(wasStarted);
        return bestOf(ran, (c) => {
            const image = str(c, 'Config', 'Image');
            const removed = field(c, 'HostConfig', 'AutoRemove') === true || actionsOf(evidence, str(c, 'Id')).includes('destroy');
            return [
                ok(true, tx(`A container ran from ${image}, with nothing installed on your machine.`, `${image} 이미지로 컨테이너가 실행되었습니다. 이 머신에는 아무것도 설치하지 않았습니다.`)),
                exitCheck(c),
                removed
                    ? ok(true, tx('It was removed when it ended (--rm): nothing is left behind.', '끝나자마자 삭제되었습니다(--rm). 남은 것이 없습니다.'))
                    : ok(false, tx('It is still there: docker ps -a lists it. Run it with --rm, or remove it.', '컨테이너가 아직 남아 있습니다. docker ps -a에 보입니다. --rm으로 실행하거나 직접 삭제하세요.')),
            ];
        });
    },
};
