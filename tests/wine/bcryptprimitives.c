/* Test fixture for running Yishi's Windows build under Wine 8 (Debian 12); never shipped.
 *
 * Rust's std (1.78 and later) takes its random bytes from ProcessPrng in bcryptprimitives.dll,
 * which every Windows 10/11 has and Wine 8.0 lacks, so a Rust exe does not start under it. This
 * DLL, placed beside the exe by scripts/wine-run.sh, provides that one function on top of
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
