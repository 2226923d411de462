/** Lesson 6's practice: share the host's PID namespace and list its processes. Pure. */
import { argv, bestOf, exitCheck, ok, str, tx, wasStarted } from '../evidence';
import type { Exercise } from '../types';

export const namespacesExercise: Exercise = {
    id: 'ns.pidHost',
    lessonId: 'namespaces',
    task: tx('Run ps in a container that shares the host\'s PID namespace, and see the host\'s processes from inside.', '호스트의 PID 네임스페이스를 공유하는 컨테이너에서 ps를 실행해서, 안에서 호스트의 프로세스를 보세요.'),
    hint: tx('docker run has a --pid option; its value names whose PID namespace to use.', 'docker run에는 --pid 옵션이 있습니다. 값으로 어느 PID 네임스페이스를 쓸지 정합니다.'),
    solution: 'docker run --rm --pid=host busybox ps',
    check(evidence) {
        return bestOf(evidence.containers.filter(wasStarted), (c) => {
            const mode = str(c, 'HostConfig', 'PidMode');
            const cmd = argv(c);
            return [
                mode === 'host'
                    ? ok(true, tx('It shares the host\'s PID namespace (HostConfig.PidMode = host): ps inside sees the host\'s processes.', '호스트의 PID 네임스페이스를 공유합니다(HostConfig.PidMode = host). 안에서 ps를 실행하면 호스트의 프로세스가 보입니다.'))
                    : ok(false, tx(`It has its own PID namespace (HostConfig.PidMode = "${mode}"): inside, its program is PID 1.`, `자기만의 PID 네임스페이스를 가집니다(HostConfig.PidMode = "${mode}"). 안에서는 자기 프로그램이 PID 1입니다.`)),
                cmd.some((a) => /(^|\/|\s)ps(\s|$)/.test(a))
                    ? ok(true, tx(`It ran ${cmd.join(' ')}.`, `${cmd.join(' ')}을(를) 실행했습니다.`))
                    : ok(false, tx(`It ran ${cmd.join(' ') || 'its default command'}, not ps.`, `ps가 아니라 ${cmd.join(' ') || '기본 명령'}을(를) 실행했습니다.`)),
                exitCheck(c),
            ];
        });
    },
};
