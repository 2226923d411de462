/** Lesson 11's practice: a background container with restart policy unless-stopped, stopped by you. Pure. */
import { actionsOf, bestOf, field, nameOf, num, ok, str, tx, wasStarted } from '../evidence';
import type { Exercise } from '../types';

export const lifecycleExercise: Exercise = {
    id: 'lifecycle.unlessStopped',
    lessonId: 'container-lifecycle',
    task: tx(
        'Start a container in the background with the restart policy unless-stopped, then stop it yourself and see that Docker does not start it again.',
        '재시작 정책 unless-stopped로 컨테이너를 백그라운드에서 시작한 다음, 직접 중지하고 도커가 다시 시작하지 않는 것을 확인하세요.',
    ),
    hint: tx('docker run takes -d and --restart; docker stop sends SIGTERM, and -t sets how long it waits before SIGKILL.', 'docker run은 -d와 --restart를 받습니다. docker stop은 SIGTERM을 보내고, -t로 SIGKILL 전까지 기다릴 시간을 정합니다.'),
    solution: 'docker run -d --name keeper --restart unless-stopped busybox sleep 600 && docker stop -t 2 keeper',
    check(evidence) {
        return bestOf(evidence.containers.filter(wasStarted), (c) => {
            const policy = str(c, 'HostConfig', 'RestartPolicy', 'Name');
            const detached = field(c, 'Config', 'AttachStdout') === false && field(c, 'Config', 'AttachStderr') === false;
            const running = field(c, 'State', 'Running') === true;
            const actions = actionsOf(evidence, str(c, 'Id'));
            const stopped = actions.includes('stop') || actions.includes('kill');
            const name = nameOf(c);
            return [
                policy === 'unless-stopped'
                    ? ok(true, tx(`${name} has the restart policy unless-stopped.`, `${name}의 재시작 정책은 unless-stopped입니다.`))
                    : ok(false, tx(`${name} has the restart policy "${policy || 'no'}", not unless-stopped.`, `${name}의 재시작 정책이 unless-stopped가 아니라 "${policy || 'no'}"입니다.`)),
                detached
                    ? ok(true, tx('It was started in the background (-d): your terminal was not attached to it.', '백그라운드(-d)로 시작했습니다. 터미널이 컨테이너에 붙어 있지 않았습니다.'))
                    : ok(false, tx('It was started attached to your terminal; -d starts it in the background.', '터미널에 붙은 채로 시작했습니다. -d를 쓰면 백그라운드로 시작합니다.')),
                !running && stopped
                    ? ok(true, tx(`You stopped it (exit code ${num(c, 'State', 'ExitCode') ?? '?'}), and Docker did not start it again: unless-stopped respects a stop.`, `직접 중지했고(종료 코드 ${num(c, 'State', 'ExitCode') ?? '?'}), 도커가 다시 시작하지 않았습니다. unless-stopped는 사용자가 중지한 것을 존중합니다.`))
                    : running
                      ? ok(false, tx('It is still running: stop it with docker stop.', '아직 실행 중입니다. docker stop으로 중지하세요.'))
                      : ok(false, tx('It ended on its own, not by docker stop.', 'docker stop이 아니라 스스로 끝났습니다.')),
            ];
        });
    },
};
