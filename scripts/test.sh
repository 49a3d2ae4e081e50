#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing (Debian packages for PostgreSQL,
# Chromium and CJK fonts; the local dotnet tools), then ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  # Wait for another apt/dpkg run to let go of the lock instead of failing.
  apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
  $sudo apt-get "${apt_opts[@]}" update -q || exit 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${missing[@]}" || exit 1
fi

dotnet tool restore >/dev/null || exit 1
dotnet build CET4Trainer.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test --solution CET4Trainer.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform closes with "total: N / failed: N / succeeded: N / skipped: N".
passed=$(grep -E '^\s*succeeded:\s*[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^\s*failed:\s*[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
skipped=$(grep -E '^\s*skipped:\s*[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
# Name the failures again at the end: their details can be far above, under the apps' own output.
if grep -qE '^failed ' "$log"; then
  echo "Failed tests:"
  grep -E '^failed ' "$log" | sed 's/^failed /  /'
fi
rm -f "$log"
passed=${passed:-0}
failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the run itself broke (crash, build, no tests): never report a clean result
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "${passed} passed, ${failed} failed${skipped:+, ${skipped} skipped}"
[ "$failed" -eq 0 ]
