/** Lesson 4's practice: ask a container which kernel it runs on. Pure. */
import { argv, bestOf, exitCheck, ok, str, tx, wasStarted } from '../evidence';
import type { Exercise } from '../types';

export const containersVsVmsExercise: Exercise = {
    id: 'vm.kernelInside',
    lessonId: 'containers-vs-vms',
    task: tx('Run uname -r inside a container, then uname -r on your host, and compare the two kernels.', '컨테이너 안에서 uname -r을 실행하고, 호스트에서도 uname -r을 실행해서 두 커널을 비교하세요.'),
    hint: tx('docker run takes the command to run after the image name.', 'docker run은 이미지 이름 뒤에 실행할 명령을 받습니다.'),
    solution: 'docker run --rm busybox uname -r; uname -r',
    check(evidence) {
        const ran = evidence.containers.filter(wasStarted);
        return bestOf(ran, (c) => {
            const cmd = argv(c);
            const uname = cmd.some((a) => /(^|\/|\s)uname(\s|$)/.test(a));
            return [
                uname
                    ? ok(true, tx(`A container from ${str(c, 'Config', 'Image')} ran ${cmd.join(' ')}.`, `${str(c, 'Config', 'Image')} 이미지로 만든 컨테이너가 ${cmd.join(' ')}을(를) 실행했습니다.`))
                    : ok(false, tx(`A container ran ${cmd.join(' ') || 'its default command'}, not uname.`, `컨테이너가 uname이 아니라 ${cmd.join(' ') || '기본 명령'}을(를) 실행했습니다.`)),
                exitCheck(c),
            ];
        });
    },
};
