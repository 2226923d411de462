/** Lesson 5's practice: a running container with a 64 MiB memory limit. Pure. */
import { formatMemory } from '../../../common/format';
import { bestOf, field, num, ok, str, tx } from '../evidence';
import type { Exercise } from '../types';

export const MIB64 = 64 * 1024 * 1024;

export const cgroupsExercise: Exercise = {
    id: 'cgroups.memory64',
    lessonId: 'cgroups',
    task: tx('Start a container that keeps running in the background, with a memory limit of 64 MiB.', '백그라운드에서 계속 실행되는 컨테이너를 메모리 제한 64 MiB로 시작하세요.'),
    hint: tx('docker run has an option for the memory limit (sizes like 64m work); -d keeps it in the background, and sleep keeps it running.', 'docker run에는 메모리 제한 옵션이 있습니다(64m 같은 크기를 씁니다). -d는 백그라운드로 실행하고, sleep은 계속 실행되게 합니다.'),
    solution: 'docker run -d --memory 64m busybox sleep 600',
    check(evidence) {
        return bestOf(evidence.containers, (c) => {
            const memory = num(c, 'HostConfig', 'Memory') ?? 0;
            const running = field(c, 'State', 'Running') === true;
            return [
                memory === MIB64
                    ? ok(true, tx(`Its memory limit is 64 MiB (HostConfig.Memory = ${memory} bytes).`, `메모리 제한이 64 MiB입니다(HostConfig.Memory = ${memory} 바이트).`))
                    : memory === 0
                      ? ok(false, tx('It has no memory limit (HostConfig.Memory = 0): add one.', '메모리 제한이 없습니다(HostConfig.Memory = 0). 제한을 거세요.'))
                      : ok(false, tx(`Its memory limit is ${formatMemory(memory)} (${memory} bytes), not 64 MiB.`, `메모리 제한이 64 MiB가 아니라 ${formatMemory(memory)}(${memory} 바이트)입니다.`)),
                running
                    ? ok(true, tx('It is running, so the limit holds for a live process now.', '실행 중이므로, 지금 살아 있는 프로세스에 제한이 적용되고 있습니다.'))
                    : ok(false, tx(`It is not running (${str(c, 'State', 'Status') || 'unknown'}, exit code ${num(c, 'State', 'ExitCode') ?? '?'}): give it a command that keeps running.`, `실행 중이 아닙니다(${str(c, 'State', 'Status') || '알 수 없음'}, 종료 코드 ${num(c, 'State', 'ExitCode') ?? '?'}). 계속 실행되는 명령을 주세요.`)),
            ];
        });
    },
};
