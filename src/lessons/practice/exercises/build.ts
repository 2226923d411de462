/** Lesson 7's practice: build an image of your own, tagged and labelled, from a Dockerfile. Pure. */
import { bestOf, field, ok, shortId, str, tx } from '../evidence';
import type { Exercise } from '../types';

export const BUILD_PRACTICE_TAG = 'lesson7-practice';

function tags(image: unknown): string[] {
    const t = field(image, 'RepoTags');
    return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

export const buildExercise: Exercise = {
    id: 'build.tagAndLabel',
    lessonId: 'build-cache',
    task: tx(
        `In a folder with a Dockerfile, build an image tagged ${BUILD_PRACTICE_TAG} that carries the label lesson=7.`,
        `Dockerfile이 있는 폴더에서 이미지를 빌드하세요. 태그는 ${BUILD_PRACTICE_TAG}, 레이블은 lesson=7로 붙입니다.`,
    ),
    hint: tx('docker build takes -t for the name and --label for a label (or write LABEL in the Dockerfile).', 'docker build는 이름을 -t로, 레이블을 --label로 받습니다(Dockerfile에 LABEL을 써도 됩니다).'),
    solution: `docker build -t ${BUILD_PRACTICE_TAG} --label lesson=7 .`,
    check(evidence) {
        return bestOf(evidence.images, (image) => {
            const t = tags(image);
            const mine = t.find((x) => x === BUILD_PRACTICE_TAG || x.startsWith(`${BUILD_PRACTICE_TAG}:`) || x.includes(`/${BUILD_PRACTICE_TAG}:`));
            const label = str(image, 'Config', 'Labels', 'lesson');
            const layers = field(image, 'RootFS', 'Layers');
            const count = Array.isArray(layers) ? layers.length : 0;
            return [
                mine
                    ? ok(true, tx(`An image was built and tagged ${mine} (id ${shortId(str(image, 'Id'))}, ${count} layers).`, `이미지를 빌드해서 ${mine} 태그를 붙였습니다(ID ${shortId(str(image, 'Id'))}, 레이어 ${count}개).`))
                    : ok(false, tx(`An image changed (${t.join(', ') || shortId(str(image, 'Id'))}), but it is not tagged ${BUILD_PRACTICE_TAG}.`, `이미지가 바뀌었지만(${t.join(', ') || shortId(str(image, 'Id'))}) 태그가 ${BUILD_PRACTICE_TAG}이(가) 아닙니다.`)),
                label === '7'
                    ? ok(true, tx('It carries the label lesson=7 (Config.Labels): metadata in the image config, no layer of its own.', 'lesson=7 레이블(Config.Labels)이 있습니다. 레이어가 아니라 이미지 설정에 들어가는 메타데이터입니다.'))
                    : ok(false, label ? tx(`Its label lesson is "${label}", not 7.`, `lesson 레이블 값이 7이 아니라 "${label}"입니다.`) : tx('It has no label lesson.', 'lesson 레이블이 없습니다.')),
            ];
        });
    },
};
