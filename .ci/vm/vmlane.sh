#!/bin/bash
# netlink4j "VM lane": run a command as root inside a throw-away VM whose kernel has
# CONFIG_BRIDGE_VLAN_FILTERING (the CI host kernel does not, so `bridge vlan add` fails there
# with EOPNOTSUPP). The VM boots Debian's stock kernel under QEMU with software emulation (TCG;
# KVM is not usable on these machines) and chroots into the host's own root filesystem, so the
# host's JDK, iproute2, ~/.m2 and build output are all visible without building a disk image.
#
#   vmlane.sh setup
#       Idempotent. Installs qemu-system-x86, busybox-static, kmod and cpio if missing, fetches the
#       kernel package that linux-image-amd64 points at (unpacked into a cache dir, never installed
#       on the host) and builds the initramfs. Re-run automatically by `run` when this script (or
#       VMLANE_MODULES) changed. Edit this file by replacing it (write + rename), never in
#       place: bash reads a running script lazily, so an in-place edit breaks runs in progress.
#   vmlane.sh run [-t SECONDS] [-m MEM] [-c CPUS] -- COMMAND [ARG...]
#       Boots the VM and runs COMMAND in the current directory. Exit status is COMMAND's;
#       125 means the VM itself failed (timeout, boot failure, no status reported).
#
# Inside the VM: host / is read-only (9p), the current directory is read-write at the same path,
# /tmp, /var/tmp and /run are fresh tmpfs (so `ip netns add` works), the network has only `lo`.
# COMMAND's stdout and stderr arrive on this script's stdout and stderr separately (two serial
# ports, raw mode, so no \r\n and no kernel messages mixed in); the kernel console goes to a log
# that is shown only when the VM fails. Before COMMAND runs, one line
#   vmlane: uname -r: <release>
# is printed to stderr, and after the VM stops one line
#   vmlane: timing: setup Xs, boot Ys, command Zs, shutdown Us, total Ws
# Environment:
#   VMLANE_CACHE    cache dir (default /var/cache/netlink4j-vmlane)
#   VMLANE_ENV      extra variable names to pass in (always: CI JAVA_HOME MAVEN_OPTS if set, PATH
#                   plus any missing /usr/local/sbin /usr/sbin /sbin, HOME=/root)
#   VMLANE_MODULES  extra kernel modules to load (default set: see MODULES below)
#   VMLANE_CPU      QEMU -cpu model (default: qemu64, see below)
#   VMLANE_ACCEL    QEMU -accel value (default: tcg,thread=single, see below)
#   VMLANE_CONSOLE=1  also stream the kernel console to stderr (it is always kept in a log)
set -euo pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
CACHE=${VMLANE_CACHE:-/var/cache/netlink4j-vmlane}
# virtio_pci + 9pnet_virtio + 9p: to mount the host's filesystems; the rest is what the tests need.
# vxlan: VLAN-to-tunnel mapping (bridge vlan ... tunnel_info) needs a collect-metadata VXLAN port.
MODULES="virtio_pci 9pnet_virtio 9p bridge 8021q veth vxlan ${VMLANE_MODULES:-}"
PASS_ENV="CI JAVA_HOME MAVEN_OPTS ${VMLANE_ENV:-}"
APT_OPTS=(-o DPkg::Lock::Timeout=900 -o Acquire::Retries=3)
VM_FAIL=125

say() { echo "vmlane: $*" >&2; }
die() { say "$*"; exit $VM_FAIL; }
now() { echo "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fs", b - a }'; }

# Everything that shapes the initramfs (this script, the module list, the kernel package) is
# hashed into its file name: a change in any of it means a new build, and different versions of
# this script (branches, worktrees) sharing one cache neither rebuild over each other nor boot
# each other's /init.
initrd_path() {
  local h
  h=$({ sha256sum "$SELF" | cut -d' ' -f1; echo "$MODULES"; cat "$CACHE/kernel.pkg" 2>/dev/null; } |
    sha256sum | cut -c1-16)
  echo "$CACHE/initrd-$h.gz"
}

is_ready() {
  [[ -s $(initrd_path) && -s $CACHE/vmlinuz ]] && command -v qemu-system-x86_64 >/dev/null
}

# ---------------------------------------------------------------------------------------- setup
have_tools() {
  command -v qemu-system-x86_64 >/dev/null && command -v depmod >/dev/null &&
    command -v modprobe >/dev/null && command -v cpio >/dev/null && [[ -x /bin/busybox ]]
}

# DPkg::Lock::Timeout makes install wait for a concurrent apt/dpkg; for `update` (lists lock) we
# retry on lock errors ourselves, up to the same 900 s, and fail at once on anything else.
apt_update() {
  local i err
  for ((i = 0; i < 180; i++)); do
    err=$(apt-get "${APT_OPTS[@]}" update -qq 2>&1 >/dev/null) && return 0
    [[ $err == *lock* ]] || { echo "$err" >&2; die "apt-get update failed"; }
    ((i % 12)) || say "waiting for another apt to release its lock"
    sleep 5
  done
  die "apt lock still held after 900 s"
}

install_tools() {
  have_tools && return 0
  say "installing qemu-system-x86 busybox-static kmod cpio (waits for a running apt/dpkg)"
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install -y -qq --no-install-recommends \
    qemu-system-x86 busybox-static kmod cpio >/dev/null
  have_tools || die "tools still missing after apt-get install"
}

# The versioned package behind the linux-image-amd64 meta package, e.g. linux-image-6.1.0-41-amd64.
kernel_pkg() {
  apt-cache depends linux-image-amd64 2>/dev/null |
    awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }'
}

fetch_kernel() {
  local pkg; pkg=$(kernel_pkg)
  if [[ -z $pkg ]]; then apt_update; pkg=$(kernel_pkg); fi
  [[ -n $pkg ]] || die "cannot resolve the package behind linux-image-amd64"
  if [[ -r $CACHE/kernel.pkg && $(cat "$CACHE/kernel.pkg") == "$pkg" && -d $CACHE/root/boot ]]; then
    return 0
  fi
  say "fetching $pkg"
  local dl; dl=$(mktemp -d "$CACHE/dl.XXXXXX")
  # Sandbox user root: _apt cannot write into our root-owned cache dir (apt would only warn).
  (cd "$dl" && apt-get "${APT_OPTS[@]}" -o APT::Sandbox::User=root download -qq "$pkg") ||
    { rm -rf "$dl"; die "apt-get download $pkg failed"; }
  rm -rf "$CACHE/root" && dpkg-deb -x "$dl"/*.deb "$CACHE/root" && rm -rf "$dl"
  echo "$pkg" > "$CACHE/kernel.pkg"
}

# Under TCG, unpacking the xz-compressed bzImage takes the guest ~3 s on every boot. With
# CONFIG_PVH QEMU can boot the uncompressed ELF vmlinux directly, so decompress it once here
# (the xz stream starts at its magic inside the bzImage). Fall back to the bzImage otherwise.
prepare_kernel() {
  local bz=$1 config=$2 off
  # Runs do not take the lock: replace files by rename only, never leave a moment without them.
  cp "$bz" "$CACHE/vmlinuz.tmp" && mv "$CACHE/vmlinuz.tmp" "$CACHE/vmlinuz"   # the fallback
  if grep -qx 'CONFIG_PVH=y' "$config" && grep -qx 'CONFIG_KERNEL_XZ=y' "$config" &&
     off=$(LC_ALL=C grep -m1 -obUaP '\xfd7zXZ' "$bz") && off=${off%%:*} &&
     # pipefail: xz stops at the end of the stream, so tail may die of SIGPIPE - that is fine
     { tail -c +$((off + 1)) "$bz" || true; } | xz -dc --single-stream > "$CACHE/vmlinux.tmp" 2>/dev/null &&
     [[ $(head -c 4 "$CACHE/vmlinux.tmp" | od -An -tx1 | tr -d ' ') == 7f454c46 ]]; then
    mv "$CACHE/vmlinux.tmp" "$CACHE/vmlinux"
  else
    rm -f "$CACHE/vmlinux.tmp" "$CACHE/vmlinux"
    say "booting the compressed bzImage (no PVH/xz): expect ~3 s more per boot"
  fi
}

# Build the initramfs: a static busybox, the modules in load order, and /init.
build_initrd() {
  local root=$CACHE/root kver
  kver=$(ls "$root/lib/modules") && [[ $(wc -w <<<"$kver") == 1 ]] || die "expected one kernel in $root"
  grep -qx 'CONFIG_BRIDGE_VLAN_FILTERING=y' "$root/boot/config-$kver" ||
    die "$kver lacks CONFIG_BRIDGE_VLAN_FILTERING: this lane would be pointless"
  # depmod and the kernel image depend only on the package (and take ~10 s together): once each.
  if [[ $(cat "$CACHE/kernel.prepared" 2>/dev/null) != "$(cat "$CACHE/kernel.pkg")" || ! -s $CACHE/vmlinuz ]]; then
    depmod -b "$root" "$kver"
    prepare_kernel "$root/boot/vmlinuz-$kver" "$root/boot/config-$kver"
    cp "$CACHE/kernel.pkg" "$CACHE/kernel.prepared"
  fi

  rm -rf "$CACHE"/initrd.?????? "$CACHE"/initrd.??????.gz "$CACHE"/dl.??????  # leftovers of an interrupted build (we hold the lock)
  local tree; tree=$(mktemp -d "$CACHE/initrd.XXXXXX")
  mkdir -p "$tree"/{bin,dev,proc,sys,host,ctl,mods}
  cp /bin/busybox "$tree/bin/busybox"
  local applet; for applet in cat chroot cp echo insmod mkdir mount reboot sh sleep stty sync uname; do
    # not grep -q: it exits at the first match, busybox gets SIGPIPE and pipefail fails the check
    busybox --list | grep -x "$applet" >/dev/null || die "busybox lacks the $applet applet"
  done

  # Let kmod work out the load order (dependencies first, each once) instead of walking
  # modules.dep by hand. -C /dev/null: ignore the host's modprobe.d; "builtin" lines need no file.
  local m line path name
  : > "$tree/mods/order"
  for m in $MODULES; do
    modprobe -C /dev/null -d "$root" -S "$kver" --show-depends "$m" >"$tree/deps" 2>&1 ||
      die "module $m: $(cat "$tree/deps")"
    while read -r line; do
      [[ $line == insmod\ * ]] || continue
      path=$(awk '{ print $2 }' <<<"$line"); name=$(basename "$path"); name=${name%%.ko*}.ko
      grep -qx "$name" "$tree/mods/order" && continue
      case $path in  # busybox insmod wants plain .ko files
        *.ko.xz) xz -dc "$path" ;; *.ko.zst) zstd -qdc "$path" ;; *.ko.gz) gzip -dc "$path" ;;
        *) cat "$path" ;;
      esac > "$tree/mods/$name"
      echo "$name" >> "$tree/mods/order"
    done < "$tree/deps"
  done
  rm -f "$tree/deps"

  write_init > "$tree/init" && chmod 755 "$tree/init"
  command -v cpio >/dev/null || die "cpio missing (an empty initramfs only yields 'VFS: Unable to mount root')"
  local out; out=$(initrd_path)
  (cd "$tree" && find . | cpio -o -H newc --quiet | gzip -1) > "$tree.gz"
  mv "$tree.gz" "$out"
  cp "$tree/mods/order" "$CACHE/mods.order"
  rm -rf "$tree"
  # Keep the 4 most recent builds (other checkouts may still use theirs); drop the rest and the
  # un-hashed initrd.gz of earlier versions of this script.
  ls -t "$CACHE"/initrd-*.gz | tail -n +5 | xargs -r rm -f
  rm -f "$CACHE/initrd.gz" "$CACHE/initrd.stamp"
  say "initramfs for $kver built ($(wc -l < "$CACHE/mods.order" 2>/dev/null || echo '?') modules)"
}

# PID 1 of the VM (busybox sh). Talks to the host through three serial ports and one 9p share:
#   ttyS0 kernel console + init's own messages and START/EXIT markers (a log on the host)
#   ttyS1 COMMAND's stdout, ttyS2 COMMAND's stderr
#   /ctl  (9p, rw) cwd and cmd in; status out
write_init() {
  cat <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin        # the applets are not installed in the image, only busybox
export PATH=/bin
fail() { echo "vmlane-init: $*"; echo "VMLANE-FAIL"; sync; reboot -f; }
mount -t devtmpfs dev /dev; mount -t proc proc /proc; mount -t sysfs sys /sys
echo 1 > /proc/sys/kernel/printk      # keep later kernel chatter (bridge port states...) quiet

while read -r m; do insmod "/mods/$m" || fail "insmod $m failed"; done < /mods/order

P9=trans=virtio,version=9p2000.L,msize=512000
# Host root is read-only, so cache=loose is safe and makes the JVM's many small reads cheap.
mount -t 9p -o "$P9,ro,cache=loose" hostroot /host || fail "cannot mount the host root"
mount -t 9p -o "$P9" ctl /ctl || fail "cannot mount the control share"
cwd=$(cat /ctl/cwd)

H=/host
mount -t proc proc $H/proc && mount -t sysfs sys $H/sys && mount -t devtmpfs dev $H/dev ||
  fail "cannot mount proc/sys/dev"
mkdir -p $H/dev/pts $H/dev/shm
mount -t devpts -o ptmxmode=0666 pts $H/dev/pts; mount -t tmpfs shm $H/dev/shm
# tmpfs first, then the work dir: the work dir may itself live under /tmp.
for d in /tmp /var/tmp /run; do
  [ -d "$H$d" ] || continue
  mount -t tmpfs -o mode=1777 tmp "$H$d" || fail "tmpfs $d"
done
chmod 755 $H/run
mkdir -p "$H$cwd" 2>/dev/null
mount -t 9p -o "$P9,cache=none" work "$H$cwd" || fail "cannot mount the work dir at $cwd"
mkdir -p $H/run/vmlane && cp /ctl/cmd $H/run/vmlane/cmd || fail "cannot stage the command"
ip link set lo up 2>/dev/null || ifconfig lo up

# Raw serial: no \n -> \r\n translation, no echo.
stty -F /dev/ttyS1 raw -echo && stty -F /dev/ttyS2 raw -echo || fail "serial ports missing"
echo "vmlane: uname -r: $(uname -r)" > /dev/ttyS2
echo "VMLANE-START"                   # the host timestamps these console markers
chroot $H /bin/bash /run/vmlane/cmd < /dev/null > /dev/ttyS1 2> /dev/ttyS2
rc=$?
echo "VMLANE-EXIT=$rc"
echo "$rc" > /ctl/status
sync
sleep 0.2                             # let the UARTs drain before the power goes
reboot -f
INIT
}

setup() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock 9                              # concurrent setups/runs on one machine: one builder
  install_tools
  # An explicit `setup` re-resolves linux-image-amd64 (local apt-cache lookup; downloads only when
  # it names a new package); the automatic one from `run` keeps the cached kernel if there is one.
  [[ ${1-} == --auto && -s $CACHE/kernel.pkg && -d $CACHE/root/boot ]] || fetch_kernel
  is_ready && return 0
  build_initrd
}

# ------------------------------------------------------------------------------------------ run
# Copies the kernel console to console.log (minus the \r), timestamps the markers, and streams
# it to stderr too with VMLANE_CONSOLE=1.
relay_console() {
  local l
  while IFS= read -r l || [[ -n $l ]]; do
    l=${l%$'\r'}
    case $l in
      VMLANE-START) now > "$TMP/t_start" ;;
      VMLANE-EXIT=*) now > "$TMP/t_exit" ;;
    esac
    printf '%s\n' "$l"
    [[ ${VMLANE_CONSOLE:-0} != 1 ]] || printf '%s\n' "$l" >&2
  done > "$TMP/console.log"
}

QEMU_PID= TMP=
cleanup() {
  [[ -n $QEMU_PID ]] && kill "$QEMU_PID" 2>/dev/null && wait "$QEMU_PID" 2>/dev/null
  [[ -n $TMP ]] && rm -rf "$TMP"
  return 0
}

run() {
  local t=600 mem=2G cpus=2
  while [[ $# -gt 0 ]]; do case $1 in
    -t) t=$2; shift 2;; -m) mem=$2; shift 2;; -c) cpus=$2; shift 2;;
    --) shift; break;; *) die "unknown option $1 (usage: vmlane.sh run [-t S] [-m MEM] [-c N] -- CMD...)";; esac
  done
  [[ $# -gt 0 ]] || die "no command given"
  local cwd; cwd=$(pwd -P)
  local qcwd=${cwd//,/,,}               # QEMU option syntax: a literal comma is written ",,"
  [[ $cwd != / ]] || die "run from a project directory, not /"

  local t_setup0 t_setup1; t_setup0=$(now)
  is_ready || (setup --auto) >&2 || die "setup failed"   # stdout belongs to COMMAND
  t_setup1=$(now)

  TMP=$(mktemp -d /tmp/vmlane.XXXXXX)
  trap cleanup EXIT
  local sig; for sig in HUP:129 INT:130 TERM:143; do
    trap "say 'interrupted (SIG${sig%:*})'; exit ${sig#*:}" "${sig%:*}"
  done

  # The command script, run by bash in the chroot. %q keeps arguments exactly as given.
  local v p path=${PATH:-/usr/bin:/bin}
  for p in /usr/local/sbin /usr/sbin /sbin; do [[ :$path: == *:$p:* ]] || path=$path:$p; done
  {
    printf 'cd -- %q || exit %d\n' "$cwd" "$VM_FAIL"
    printf 'export HOME=/root PATH=%q\n' "$path"
    for v in $PASS_ENV; do [[ -n ${!v+x} ]] && printf 'export %s=%q\n' "$v" "${!v}"; done
    printf 'exec'; printf ' %q' "$@"; echo
  } > "$TMP/cmd"
  printf '%s' "$cwd" > "$TMP/cwd"

  # Guest stdout/stderr come through FIFOs relayed by cat, so they land on our own fds
  # (appending correctly whatever they are: tty, pipe or file).
  mkfifo "$TMP/out" "$TMP/err"
  cat "$TMP/out" & local cat_out=$!
  cat "$TMP/err" >&2 & local cat_err=$!
  # The console is relayed line by line so that the markers init prints get host timestamps
  # (guest uptime would miss the pre-timekeeping part of the boot, seconds under TCG).
  mkfifo "$TMP/con"
  relay_console < "$TMP/con" & local cat_con=$!

  # KVM was measured not to work here (MSR 0x10a abort with -cpu host, silent hang otherwise),
  # hence TCG. Single-threaded TCG: the guest still has -smp CPUs (the JVM keeps its 2-CPU
  # ergonomics), but one host thread runs them in turn. With thread=multi the guest JVM crashed
  # now and then (SIGSEGV in C1-compiled code, issue #12). HotSpot patches compiled code while
  # other threads run it; only multi-threaded TCG translates guest code on one host thread while
  # another writes it. Costs a host core; see README.md ("JVM crashes under TCG") for what was
  # and was not measured. -cpu qemu64 (QEMU's default model) rather than max: java -version
  # measured the same, and it stays off the young AVX emulation of QEMU 7.2's TCG.
  local kernel=$CACHE/vmlinux; [[ -s $kernel ]] || kernel=$CACHE/vmlinuz
  local t_boot0; t_boot0=$(now)
  timeout -k 10 "$t" qemu-system-x86_64 \
    -nodefaults -no-user-config -display none -no-reboot \
    -accel "${VMLANE_ACCEL:-tcg,thread=single}" -cpu "${VMLANE_CPU:-qemu64}" -smp "$cpus" -m "$mem" \
    -kernel "$kernel" -initrd "$(initrd_path)" \
    -append "console=ttyS0 quiet loglevel=3 panic=-1 8250.nr_uarts=4" \
    -chardev "file,path=$TMP/con,id=con" -serial chardev:con \
    -chardev "file,path=$TMP/out,id=out" -serial chardev:out \
    -chardev "file,path=$TMP/err,id=err" -serial chardev:err \
    -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
    -virtfs "local,path=$qcwd,mount_tag=work,security_model=none,multidevs=remap" \
    -virtfs "local,path=$TMP,mount_tag=ctl,security_model=none" \
    </dev/null >"$TMP/qemu.log" 2>&1 &
  QEMU_PID=$!
  local q=0; wait "$QEMU_PID" || q=$?
  QEMU_PID=
  local t_end; t_end=$(now)

  # If qemu died before opening a FIFO, its cat is still blocked in open(): release it.
  local pid; for pid in $cat_out:out $cat_err:err $cat_con:con; do
    if kill -0 "${pid%%:*}" 2>/dev/null; then timeout 2 bash -c ": > '$TMP/${pid#*:}'" 2>/dev/null || true; fi
    wait "${pid%%:*}" 2>/dev/null || true
  done

  local rc times t_start t_exit
  rc=$(cat "$TMP/status" 2>/dev/null || sed -n 's/^VMLANE-EXIT=\([0-9]*\)$/\1/p' "$TMP/console.log" | tail -1)
  t_start=$(cat "$TMP/t_start" 2>/dev/null || true); t_exit=$(cat "$TMP/t_exit" 2>/dev/null || true)
  if [[ -n $t_start && -n $t_exit ]]; then
    times="boot $(secs "$t_boot0" "$t_start"), command $(secs "$t_start" "$t_exit"), shutdown $(secs "$t_exit" "$t_end")"
  elif [[ -n $t_start ]]; then
    times="boot $(secs "$t_boot0" "$t_start"), command unfinished after $(secs "$t_start" "$t_end")"
  else
    times="boot unfinished after $(secs "$t_boot0" "$t_end")"
  fi
  say "timing: setup $(secs "$t_setup0" "$t_setup1"), $times, total $(secs "$t_setup0" "$t_end")"

  if [[ $q == 124 || $q == 137 ]] || [[ -z $rc ]]; then
    { echo "---- qemu:"; cat "$TMP/qemu.log"; echo "---- console (tail):"
      tail -n 40 "$TMP/console.log" 2>/dev/null; } >&2 || true
    [[ $q == 124 || $q == 137 ]] && die "VM timed out after ${t}s (-t to raise)"
    die "VM ended without reporting the command's status (qemu exit $q)"
  fi
  return "$rc"
}

case ${1-} in
  setup) shift; t0=$(now); setup "$@"; say "setup done in $(secs "$t0" "$(now)") (cache $CACHE)";;
  run) shift; run "$@";;
  *) sed -n '2,/^set -euo/p' "$SELF" | sed '$d; s/^# \{0,1\}//' >&2; exit 2;;
esac
