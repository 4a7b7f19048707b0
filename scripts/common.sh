# Shared by scripts/run and scripts/test: install what is missing, then build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian 12 packages the build, the tests and the app need.
PACKAGES=(
  cmake g++ ninja-build pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6svg6 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  catch2 sqlite3 libsqlite3-dev tzdata libqrencode-dev
  libmosquitto-dev mosquitto mosquitto-clients
  syncthing iproute2
  qt6-translations-l10n xvfb xauth fonts-dejavu-core poppler-utils desktop-file-utils appstream
)

# The phone remote's page is tested in a real browser: Debian's chromium, driven by
# puppeteer-core from the npm registry (pinned in tests/browser/package-lock.json).
# Node.js and npm come from Debian unless this machine already has them.
want_browser_test_tools() {
  PACKAGES+=(chromium)
  command -v node >/dev/null && command -v npm >/dev/null || PACKAGES+=(nodejs npm)
}

install_browser_test_modules() {
  local dir=tests/browser
  if [ ! -f "$dir/node_modules/.installed" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.installed" ]; then
    echo "Installing the browser test's npm modules (tests/browser)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) && touch "$dir/node_modules/.installed"
  fi
}

ensure_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

build() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build build --parallel "$(nproc)"
}
