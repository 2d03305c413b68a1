# Sourced by the other scripts: puts the installed tools on PATH.
source "$(dirname "${BASH_SOURCE[0]}")/versions.env"
TOOLS_DIR="${STATELAB_TOOLS:-$HOME/.cache/statelab/tools}"
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"
