/** Lesson 2's practice: two containers (instances) of one image, made with docker create. Pure. */
import { bestOf, nameOf, ok, shortId, str, tx, wasStarted } from '../evidence';
import type { Exercise } from '../types';

export const imageVsContainerExercise: Exercise = {
    id: 'ivc.twoInstances',
    lessonId: 'image-vs-container',
    task: tx(
        'Make two containers from one image with docker create, each with a name of your own. Do not start them.',
        'docker create로 한 이미지에서 컨테이너 두 개를 만드세요. 이름은 직접 붙이고, 시작하지는 마세요.',
    ),
    hint: tx('docker create makes an instance of an image without running it; --name gives it a name.', 'docker create는 이미지의 인스턴스를 실행하지 않고 만들기만 합니다. --name으로 이름을 붙입니다.'),
    solution: 'docker create --name first busybox && docker create --name second busybox',
    check(evidence) {
        // containers grouped by the image they were made from (its id: a tag can move, the id cannot)
        const byImage = new Map<string, Record<string, unknown>[]>();
        for (const c of evidence.containers) {
            const image = str(c, 'Image');
            byImage.set(image, [...(byImage.get(image) ?? []), c as Record<string, unknown>]);
        }
        return bestOf([...byImage.values()], (group) => {
            const name = str(group[0], 'Config', 'Image');
            const id = shortId(str(group[0], 'Image'));
            const unstarted = group.filter((c) => !wasStarted(c));
            const names = group.map(nameOf).join(', ');
            return [
                group.length >= 2
                    ? ok(true, tx(`${group.length} containers were made from one image, ${name} (image id ${id}): ${names}. Each has its own id and name.`, `이미지 하나(${name}, 이미지 ID ${id})로 컨테이너 ${group.length}개를 만들었습니다: ${names}. 각자 ID와 이름이 따로 있습니다.`))
                    : ok(false, tx(`One container from ${name} so far (${names}); make another from the same image.`, `지금까지 ${name} 이미지로 만든 컨테이너는 하나입니다(${names}). 같은 이미지로 하나 더 만드세요.`)),
                unstarted.length >= 2 || (group.length < 2 && unstarted.length === group.length)
                    ? ok(true, tx('Not started: docker create makes the instance without running its program.', '시작하지 않았습니다. docker create는 프로그램을 실행하지 않고 인스턴스만 만듭니다.'))
                    : ok(false, tx(`${group.length - unstarted.length} of them were started; docker create makes them without starting.`, `그중 ${group.length - unstarted.length}개는 시작되었습니다. docker create는 시작하지 않고 만들기만 합니다.`)),
            ];
        });
    },
};
