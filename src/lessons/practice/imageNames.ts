/**
 * Practice for the lesson "image-names": give busybox a second name, `lesson/web:1.0`. Checked from
 * the images' inspect JSON (`RepoTags`). Pure; no `vscode` import.
 */
import type { Text } from '../model';
import type { Exercise, PracticeCheck, PracticeEvidence, PracticeVerdict } from './types';
import { Json, shortId } from './evidenceRead';

const REPO = 'lesson/web';
const WANT = `${REPO}:1.0`;

const ok = (text: Text): PracticeCheck => ({ ok: true, text });
const no = (text: Text): PracticeCheck => ({ ok: false, text });

function tagsOf(img: Json): string[] {
    return Array.isArray(img?.RepoTags) ? img.RepoTags.map(String) : [];
}

/** busybox under any of the names the engine may store for it. */
function isBusyboxTag(tag: string): boolean {
    return /^(docker\.io\/)?(library\/)?busybox:/.test(tag);
}

export function checkSecondTag(evidence: PracticeEvidence): PracticeVerdict {
    const images = evidence.images as Json[];
    const target = images.find((i) => tagsOf(i).includes(WANT));
    if (!target) {
        const near = images.flatMap(tagsOf).find((t) => t.startsWith(`${REPO}:`));
        if (!near) {
            return { done: false, checks: images.length ? [no({ en: `No image is called ${WANT} yet.`, ko: `아직 ${WANT}(이)라는 이미지가 없습니다.` })] : [] };
        }
        const tag = near.slice(REPO.length + 1);
        return {
            done: false,
            checks: [
                tag === 'latest'
                    ? no({ en: `You made ${near}: a name without a tag gets latest. The task asks for the tag 1.0 (${WANT}).`, ko: `${near}을(를) 만들었습니다. 태그 없는 이름에는 latest가 붙습니다. 과제의 태그는 1.0입니다(${WANT}).` })
                    : no({ en: `You made ${near}, but the task asks for the tag 1.0 (${WANT}).`, ko: `${near}을(를) 만들었지만, 과제의 태그는 1.0입니다(${WANT}).` }),
            ],
        };
    }
    const id = shortId(target.Id);
    const checks: PracticeCheck[] = [ok({ en: `${WANT} exists: image ${id}.`, ko: `${WANT}이(가) 있습니다: 이미지 ${id}.` })];
    const others = tagsOf(target).filter((t) => t !== WANT);
    if (others.some(isBusyboxTag)) {
        const bb = others.find(isBusyboxTag)!;
        checks.push(ok({ en: `${bb} is the same image ${id}: two names, one image id, nothing copied.`, ko: `${bb}도 같은 이미지 ${id}입니다. 이름은 둘, 이미지 ID는 하나이고, 아무것도 복사되지 않았습니다.` }));
    } else if (others.length) {
        checks.push(no({ en: `${WANT} points at the image of ${others.join(', ')}, not at busybox's image.`, ko: `${WANT}이(가) busybox가 아니라 ${others.join(', ')}의 이미지를 가리킵니다.` }));
    } else {
        checks.push(no({ en: `${WANT} is the only name of image ${id}: it is not busybox's image (was it built or pulled?).`, ko: `${WANT}이(가) 이미지 ${id}의 유일한 이름입니다. busybox의 이미지가 아닙니다(빌드하거나 받았나요?).` }));
    }
    return { done: checks.every((c) => c.ok), checks };
}

export const secondTag: Exercise = {
    id: 'names.secondTag',
    lessonId: 'image-names',
    task: {
        en: 'Give the busybox image a second name, `lesson/web:1.0`, without building or pulling anything: both names must point at one image id.',
        ko: '아무것도 빌드하거나 받지 말고 busybox 이미지에 두 번째 이름 `lesson/web:1.0`을 붙이세요. 두 이름이 이미지 ID 하나를 가리켜야 합니다.',
    },
    hint: {
        en: '`docker tag SOURCE TARGET` adds a name. A name without `:tag` means `:latest`.',
        ko: '`docker tag SOURCE TARGET`은 이름을 더합니다. `:tag` 없는 이름은 `:latest`를 뜻합니다.',
    },
    solution: 'docker tag busybox lesson/web:1.0',
    check: checkSecondTag,
};
