/**
 * Quoted and escaped command lines, each with the argv `sh` makes of it (checked against a real `sh`
 * on the engine by test/docker/splitCommand.test.ts, and against splitCommand by the unit tests).
 * None expands anything (no unescaped `$`, backquote, glob or operator): the command runs without a shell.
 */
export const SPLIT_CASES: readonly { line: string; argv: readonly string[] }[] = [
    { line: 'echo a"b c" x\\ y', argv: ['echo', 'ab c', 'x y'] },
    { line: 'echo hello   world', argv: ['echo', 'hello', 'world'] },
    { line: "echo 'single quoted'", argv: ['echo', 'single quoted'] },
    { line: 'echo "double quoted"', argv: ['echo', 'double quoted'] },
    { line: 'echo "" x', argv: ['echo', '', 'x'] },
    { line: "echo '' x", argv: ['echo', '', 'x'] },
    { line: 'echo a""b', argv: ['echo', 'ab'] },
    { line: "echo a''b", argv: ['echo', 'ab'] },
    { line: `echo "it's"`, argv: ['echo', "it's"] },
    { line: `echo 'say "hi"'`, argv: ['echo', 'say "hi"'] },
    { line: 'echo "a \\"b\\" c"', argv: ['echo', 'a "b" c'] },
    { line: "echo 'a\\b'", argv: ['echo', 'a\\b'] },
    { line: 'echo "a\\b"', argv: ['echo', 'a\\b'] },
    { line: 'echo "a\\\\b"', argv: ['echo', 'a\\b'] },
    { line: 'echo a\\\\b', argv: ['echo', 'a\\b'] },
    { line: 'echo a\\bc', argv: ['echo', 'abc'] },
    { line: 'echo \\"quoted\\"', argv: ['echo', '"quoted"'] },
    { line: "echo \\'x\\'", argv: ['echo', "'x'"] },
    { line: 'echo "\\$HOME"', argv: ['echo', '$HOME'] },
    { line: 'echo \\$HOME', argv: ['echo', '$HOME'] },
    { line: "echo '$HOME'", argv: ['echo', '$HOME'] },
    { line: 'echo "a\\`b"', argv: ['echo', 'a`b'] },
    { line: "echo 'a'\"b\"c", argv: ['echo', 'abc'] },
    { line: 'echo "x"\'y\'\\ z', argv: ['echo', 'xy z'] },
    { line: 'echo a\\\nb', argv: ['echo', 'ab'] },
    { line: 'echo "a\\\nb"', argv: ['echo', 'ab'] },
    { line: "echo 'a\nb'", argv: ['echo', 'a\nb'] },
    { line: 'echo\ta\t\tb', argv: ['echo', 'a', 'b'] },
    { line: 'sh -c "echo hi; sleep 1"', argv: ['sh', '-c', 'echo hi; sleep 1'] },
    { line: "sh -c 'echo \"$1\"' arg0 '1 2'", argv: ['sh', '-c', 'echo "$1"', 'arg0', '1 2'] },
    { line: 'echo "  spaced  " \\ \\ ', argv: ['echo', '  spaced  ', '  '] },
    { line: 'echo 한글 "띄어 쓰기"', argv: ['echo', '한글', '띄어 쓰기'] },
];
