/**
 * "3 minutes ago" / "3분 전" without Intl for the two languages the extension speaks: the first use of
 * Intl in a process loads ICU data (~21 ms measured on this machine), which the first tree render
 * paid (an image's age). Same words as `Intl.RelativeTimeFormat` for en and ko (a unit test compares
 * them); any other language still goes to Intl. No `vscode` import.
 */
export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
type Named = Partial<Record<RelativeUnit, Readonly<Record<string, string>>>>;

const EN_UNITS: Record<RelativeUnit, readonly [string, string]> = {
    second: ['second', 'seconds'],
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    day: ['day', 'days'],
    week: ['week', 'weeks'],
    month: ['month', 'months'],
    year: ['year', 'years'],
};
const EN_NAMED: Named = {
    second: { '0': 'now' },
    minute: { '0': 'this minute' },
    hour: { '0': 'this hour' },
    day: { '-1': 'yesterday', '0': 'today', '1': 'tomorrow' },
    week: { '-1': 'last week', '0': 'this week', '1': 'next week' },
    month: { '-1': 'last month', '0': 'this month', '1': 'next month' },
    year: { '-1': 'last year', '0': 'this year', '1': 'next year' },
};
const KO_UNITS: Record<RelativeUnit, string> = { second: '초', minute: '분', hour: '시간', day: '일', week: '주', month: '개월', year: '년' };
const KO_NAMED: Named = {
    second: { '0': '지금' },
    minute: { '0': '현재 분' },
    hour: { '0': '현재 시간' },
    day: { '-2': '그저께', '-1': '어제', '0': '오늘', '1': '내일', '2': '모레' },
    week: { '-1': '지난주', '0': '이번 주', '1': '다음 주' },
    month: { '-1': '지난달', '0': '이번 달', '1': '다음 달' },
    year: { '-1': '작년', '0': '올해', '1': '내년' },
};

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `value` < 0 (or -0) is the past. `auto` uses words like "yesterday" where the language has them. Undefined for another language. */
export function relativeWords(value: number, unit: RelativeUnit, language: string, numeric: 'auto' | 'always'): string | undefined {
    const lang = language.toLowerCase();
    const ko = lang === 'ko' || lang.startsWith('ko-');
    if (!ko && !(lang === '' || lang === 'en' || lang.startsWith('en-')) || !Number.isInteger(value)) {
        return undefined;
    }
    const past = value < 0 || Object.is(value, -0);
    if (numeric === 'auto') {
        const named = (ko ? KO_NAMED : EN_NAMED)[unit]?.[String(Object.is(value, -0) ? 0 : value)];
        if (named) {
            return named;
        }
    }
    const n = grouped(Math.abs(value));
    if (ko) {
        return `${n}${KO_UNITS[unit]} ${past ? '전' : '후'}`;
    }
    const words = `${n} ${EN_UNITS[unit][Math.abs(value) === 1 ? 0 : 1]}`;
    return past ? `${words} ago` : `in ${words}`;
}
