# Sourced by the arm64 build and test scripts: the cross environment over the sysroot that
# scripts/setup-arm64.sh made (its path in $sysroot).
export PKG_CONFIG_ALLOW_CROSS=1
export PKG_CONFIG_SYSROOT_DIR="$sysroot"
export PKG_CONFIG_LIBDIR="$sysroot/usr/lib/aarch64-linux-gnu/pkgconfig:$sysroot/usr/share/pkgconfig"
unset PKG_CONFIG_PATH
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUSTFLAGS="-C link-arg=--sysroot=$sysroot"
export CC_aarch64_unknown_linux_gnu="aarch64-linux-gnu-gcc"
export CFLAGS_aarch64_unknown_linux_gnu="--sysroot=$sysroot"
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64-static -L $sysroot"
export QEMU_LD_PREFIX="$sysroot"
