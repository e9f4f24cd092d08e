#!/usr/bin/env bash
# Writes a corpus folder of hostile entries next to good files, for the
# hardening tests and for trying `corpus check` by hand:
#   bash scripts/hostile-corpus.sh DIR
# Good files: a news story, a long URL before "for details.", a Chinese and
# a Japanese paragraph, 20,000 short attributed quotes, a 1 MB line of "](".
# Bad entries, each to be skipped with a warning: a binary file, a file over
# the size limit, malformed front matter, a symbolic-link loop, links out of
# the folder (to a folder, a file and /dev/zero), and a FIFO named *.txt.
set -euo pipefail
dir=${1:?usage: hostile-corpus.sh DIR}
rm -rf "$dir"
mkdir -p "$dir/sub" "$dir.outside"

cat > "$dir/story.txt" <<'TXT'
Nurses warn of staff shortages

Nurses said on Tuesday that wards were short of staff, and the union called for more recruitment.
TXT
printf 'Sources and links\n\nSource: https://example.org/%s for details.\n' "$(printf 'a%.0s' {1..400})" > "$dir/url.txt"
cat > "$dir/cjk.txt" <<'TXT'
东京都新计划

东京都政府周三宣布了一项新的护理人员招聘计划，以应对医院人手不足的问题。

東京都は水曜日、病院の人手不足に対応するため、看護職員の新しい採用計画を発表した。
TXT
{
  printf 'Many voices\n\n'
  for i in $(seq 1 20000); do printf '"We need staff %d," said Jane Smith %d.\n' "$i" "$i"; done
} > "$dir/quotes.txt"
{ printf 'Brackets\n\n'; head -c 1000000 /dev/zero | tr '\0' 'x' | sed 's/xx/](/g'; printf '\n'; } > "$dir/brackets.txt"

printf 'GIF89a\0\1\2' > "$dir/image.txt"
head -c 9000000 /dev/zero | tr '\0' 'a' > "$dir/huge.txt"
printf '+++\ntitle = "ok"\ndate = 2024-13\n+++\nBody text.\n' > "$dir/bad-front-matter.txt"
printf 'A secret from elsewhere on the machine\n\nNever to be published.\n' > "$dir.outside/secret.txt"
ln -s .. "$dir/sub/a"
ln -s .. "$dir/sub/b"
ln -s "$dir.outside" "$dir/elsewhere"
ln -s "$dir.outside/secret.txt" "$dir/secret.txt"
ln -s /dev/zero "$dir/zero.txt"
mkfifo "$dir/pipe.txt"
