/**
 * dockerfile-utils' validation messages in Korean. The package writes its diagnostics in English
 * only, from a table of templates (`Validator.dockerProblems`, e.g. "Unknown instruction: ${0}"),
 * filled in with `${0}`, `${1}` … . `koreanValidationMessage` matches a finished English message
 * against those templates (each an anchored pattern, its placeholders captured) and fills the Korean
 * template of the same key with the captured values. A message no template matches (a newer
 * dockerfile-utils) is returned unchanged, in English, never half translated. Pure data; no `vscode`.
 */
import type { Locale } from '../../lessons/catalog';

/**
 * The English templates, exactly as dockerfile-utils 0.16 writes them (`Validator.dockerProblems`).
 * A unit test compares this table with the installed package, so a changed message fails there.
 */
export const VALIDATION_EN: Readonly<Record<string, string>> = {
    baseNameEmpty: 'base name (${0}) should not be blank',
    directiveCasing: 'Parser directives should be written in lowercase letters',
    directiveEscapeDuplicated: 'only one escape parser directive can be used',
    directiveEscapeInvalid: "invalid ESCAPE '${0}'. Must be ` or \\",
    noSourceImage: 'No source image provided with `FROM`',
    emptyContinuationLine: 'Empty continuation line',
    fromRequiresOneOrThreeArguments: 'FROM requires either one or three arguments',
    invalidAs: 'Second argument should be AS',
    invalidPort: 'Invalid containerPort: ${0}',
    invalidProtocol: 'Invalid proto: ${0}',
    invalidReferenceFormat: 'invalid reference format',
    invalidStopSignal: 'Invalid signal: ${0}',
    invalidSyntax: 'parsing "${0}": invalid syntax',
    invalidDestination: 'When using ${0} with more than one source file, the destination must be a directory and end with a / or a \\',
    syntaxMissingEquals: 'Syntax error - can\'t find = in "${0}". Must be of the form: name=value',
    syntaxMissingNames: '${0} names cannot be blank',
    syntaxMissingSingleQuote: 'failed to process "${0}": unexpected end of statement while looking for matching single-quote',
    syntaxMissingDoubleQuote: 'failed to process "${0}": unexpected end of statement while looking for matching double-quote',
    duplicateBuildStageName: 'duplicate name ${0}',
    invalidBuildStageName: 'invalid name for build stage: "${0}", name can\'t start with a number or contain symbols',
    flagAtLeastOne: '${0} must be at least 1 (not ${1})',
    flagDuplicate: 'Duplicate flag specified: ${0}',
    flagInvalidDuration: 'time: invalid duration ${0}',
    flagInvalidFrom: 'invalid from flag value ${0}: invalid reference format',
    flagExpectedBooleanValue: 'expecting boolean value for flag ${0}, not: ${1}',
    flagLessThan1ms: 'Interval "${0}" cannot be less than 1ms',
    flagMissingDuration: 'time: missing unit in duration ${0}',
    flagMissingValue: 'Missing a value on flag: ${0}',
    flagUnknown: 'Unknown flag: ${0}',
    flagUnknownUnit: 'time: unknown unit ${0} in duration ${1}',
    instructionExtraArgument: 'Instruction has an extra argument',
    instructionMissingArgument: 'Instruction has no arguments',
    instructionMultiple: 'There can only be one ${0} instruction in a Dockerfile or build stage. Only the last one will have an effect.',
    instructionRequiresOneArgument: '${0} requires exactly one argument',
    instructionRequiresAtLeastOneArgument: '${0} requires at least one argument',
    instructionRequiresAtLeastTwoArguments: '${0} requires at least two arguments',
    instructionRequiresTwoArguments: '${0} must have two arguments',
    instructionUnnecessaryArgument: '${0} takes no arguments',
    instructionUnknown: 'Unknown instruction: ${0}',
    instructionCasing: 'Instructions should be written in uppercase letters',
    instructionJSONInSingleQuotes: 'Instruction written as a JSON array but is using single quotes instead of double quotes',
    variableModifierUnsupported: 'failed to process "${0}": unsupported modifier (${1}) in substitution',
    onbuildChainingDisallowed: "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
    onbuildTriggerDisallowed: "${0} isn't allowed as an ONBUILD trigger",
    shellJsonForm: 'SHELL requires the arguments to be in JSON form',
    shellRequiresOne: 'SHELL requires at least one argument',
    deprecatedMaintainer: 'MAINTAINER has been deprecated',
    healthcheckCmdArgumentMissing: 'Missing command after HEALTHCHECK CMD',
    healthcheckTypeUnknown: 'Unknown type"${0}" in HEALTHCHECK (try CMD)',
    workdirPathNotAbsolute: 'WORKDIR paths should be absolute',
};

/**
 * The Korean template of each key, with the same placeholders. Instruction names, flags and
 * keywords stay as Docker spells them; after a placeholder only a particle that fits any value.
 */
export const VALIDATION_KO: Readonly<Record<string, string>> = {
    baseNameEmpty: '베이스 이미지 이름(${0})이 비어 있으면 안 됩니다',
    directiveCasing: '파서 지시문(parser directive)은 소문자로 써야 합니다',
    directiveEscapeDuplicated: 'escape 파서 지시문은 한 번만 쓸 수 있습니다',
    directiveEscapeInvalid: "잘못된 ESCAPE 값 '${0}': ` 또는 \\ 중 하나여야 합니다",
    noSourceImage: '`FROM`에 베이스 이미지가 지정되지 않았습니다',
    emptyContinuationLine: '줄 이어 쓰기 중간에 빈 줄이 있습니다',
    fromRequiresOneOrThreeArguments: 'FROM에는 인자가 한 개 또는 세 개 있어야 합니다',
    invalidAs: '두 번째 인자는 AS여야 합니다',
    invalidPort: '잘못된 컨테이너 포트: ${0}',
    invalidProtocol: '잘못된 프로토콜: ${0}',
    invalidReferenceFormat: '이미지 참조 형식이 잘못되었습니다',
    invalidStopSignal: '잘못된 시그널: ${0}',
    invalidSyntax: '"${0}"을(를) 해석할 수 없습니다: 잘못된 구문',
    invalidDestination: '${0}에 원본 파일을 여러 개 지정할 때는 대상이 디렉터리여야 하며 / 또는 \\ 로 끝나야 합니다',
    syntaxMissingEquals: '구문 오류: "${0}"에서 =을 찾을 수 없습니다. name=value 형식이어야 합니다',
    syntaxMissingNames: '${0}의 이름은 비워 둘 수 없습니다',
    syntaxMissingSingleQuote: '"${0}" 처리 실패: 짝이 되는 작은따옴표를 찾기 전에 문장이 끝났습니다',
    syntaxMissingDoubleQuote: '"${0}" 처리 실패: 짝이 되는 큰따옴표를 찾기 전에 문장이 끝났습니다',
    duplicateBuildStageName: '빌드 스테이지 이름이 중복되었습니다: ${0}',
    invalidBuildStageName: '빌드 스테이지 이름으로 쓸 수 없습니다: "${0}". 이름은 숫자로 시작하거나 기호를 포함할 수 없습니다',
    flagAtLeastOne: '${0}은(는) 1 이상이어야 합니다(지금 값: ${1})',
    flagDuplicate: '플래그가 중복 지정되었습니다: ${0}',
    flagInvalidDuration: '잘못된 시간 값: ${0}',
    flagInvalidFrom: '잘못된 from 플래그 값 ${0}: 이미지 참조 형식이 잘못되었습니다',
    flagExpectedBooleanValue: '${0} 플래그에는 불리언 값(true/false)을 써야 합니다. 지금 값: ${1}',
    flagLessThan1ms: '간격 "${0}"은(는) 1ms보다 짧을 수 없습니다',
    flagMissingDuration: '시간 값 ${0}에 단위가 없습니다',
    flagMissingValue: '플래그에 값이 없습니다: ${0}',
    flagUnknown: '알 수 없는 플래그: ${0}',
    flagUnknownUnit: '시간 값 ${1}에 알 수 없는 단위 ${0}이(가) 있습니다',
    instructionExtraArgument: '명령어에 불필요한 인자가 있습니다',
    instructionMissingArgument: '명령어에 인자가 없습니다',
    instructionMultiple: '${0} 명령어는 Dockerfile이나 빌드 스테이지마다 하나만 쓸 수 있습니다. 마지막 것만 적용됩니다.',
    instructionRequiresOneArgument: '${0}에는 인자가 정확히 한 개 있어야 합니다',
    instructionRequiresAtLeastOneArgument: '${0}에는 인자가 한 개 이상 있어야 합니다',
    instructionRequiresAtLeastTwoArguments: '${0}에는 인자가 두 개 이상 있어야 합니다',
    instructionRequiresTwoArguments: '${0}에는 인자가 두 개 있어야 합니다',
    instructionUnnecessaryArgument: '${0}은(는) 인자를 받지 않습니다',
    instructionUnknown: '알 수 없는 명령어: ${0}',
    instructionCasing: '명령어는 대문자로 써야 합니다',
    instructionJSONInSingleQuotes: '명령어를 JSON 배열로 썼지만 큰따옴표 대신 작은따옴표를 쓰고 있습니다',
    variableModifierUnsupported: '"${0}" 처리 실패: 변수 치환에서 지원하지 않는 수식어(${1})입니다',
    onbuildChainingDisallowed: '`ONBUILD ONBUILD`처럼 ONBUILD를 이어 쓸 수 없습니다',
    onbuildTriggerDisallowed: '${0}은(는) ONBUILD 트리거로 쓸 수 없습니다',
    shellJsonForm: 'SHELL의 인자는 JSON 형식으로 써야 합니다',
    shellRequiresOne: 'SHELL에는 인자가 한 개 이상 있어야 합니다',
    deprecatedMaintainer: 'MAINTAINER는 더 이상 쓰지 않는(deprecated) 명령어입니다',
    healthcheckCmdArgumentMissing: 'HEALTHCHECK CMD 뒤에 실행할 명령이 없습니다',
    healthcheckTypeUnknown: 'HEALTHCHECK의 알 수 없는 유형 "${0}" (CMD를 써 보세요)',
    workdirPathNotAbsolute: 'WORKDIR 경로는 절대 경로여야 합니다',
};

const PLACEHOLDER = /\$\{(\d+)\}/g;

/** The placeholder numbers of a template, in the order they appear. */
export function placeholdersOf(template: string): number[] {
    return [...template.matchAll(PLACEHOLDER)].map((m) => Number(m[1]));
}

interface Matcher {
    readonly key: string;
    readonly pattern: RegExp;
    /** The placeholder number of each capture group, in order. */
    readonly slots: readonly number[];
    /** Characters of fixed text: the more, the more specific the template. */
    readonly fixed: number;
}

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matcherOf(key: string, template: string): Matcher {
    const parts = template.split(PLACEHOLDER);
    // split with a capture group: even indexes are fixed text, odd ones placeholder numbers
    const source = parts.map((p, i) => (i % 2 === 0 ? escapeRegExp(p) : '([\\s\\S]*?)')).join('');
    return { key, pattern: new RegExp(`^${source}$`), slots: parts.filter((_, i) => i % 2 === 1).map(Number), fixed: parts.filter((_, i) => i % 2 === 0).join('').length };
}

let matchers: Matcher[] | undefined;
/** Most specific first, so "SHELL requires at least one argument" is read as itself, not as "${0} requires …". */
function allMatchers(): Matcher[] {
    matchers ??= Object.entries(VALIDATION_EN)
        .map(([k, t]) => matcherOf(k, t))
        .sort((a, b) => a.slots.length - b.slots.length || b.fixed - a.fixed);
    return matchers;
}

/** Which template produced this English message, and with what values; undefined when none did. */
export function matchValidationMessage(message: string): { key: string; args: string[] } | undefined {
    for (const m of allMatchers()) {
        const found = m.pattern.exec(message);
        if (found) {
            const args: string[] = [];
            m.slots.forEach((slot, i) => (args[slot] = found[i + 1]));
            return { key: m.key, args };
        }
    }
    return undefined;
}

/** dockerfile-utils' English message in Korean; unchanged when no template matches it. */
export function koreanValidationMessage(message: string): string {
    const found = matchValidationMessage(message);
    const ko = found && VALIDATION_KO[found.key];
    if (!found || !ko) {
        return message;
    }
    // one pass over the Korean template, so a value that itself looks like `${1}` stays as written
    return ko.replace(PLACEHOLDER, (whole, n: string) => found.args[Number(n)] ?? whole);
}

/** The message for the learner's locale: Korean when the locale is Korean, else as dockerfile-utils wrote it. */
export function validationMessage(message: string, locale: Locale): string {
    return locale === 'ko' ? koreanValidationMessage(message) : message;
}
