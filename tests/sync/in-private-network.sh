#!/bin/sh
# Runs a command inside a new network namespace that has only loopback, so that nothing it
# starts (two Syncthings) can reach any other address. Exit 77 (ctest: skipped) where such a
# namespace cannot be made (a container without the right, a kernel without namespaces).
set -u
if unshare --net true 2>/dev/null; then
    exec unshare --net sh -c 'ip link set lo up && exec "$@"' sh "$@"
fi
if unshare --net --map-root-user true 2>/dev/null; then
    exec unshare --net --map-root-user sh -c 'ip link set lo up && exec "$@"' sh "$@"
fi
echo "No private network namespace can be made here (unshare --net failed): the test is skipped."
exit 77
