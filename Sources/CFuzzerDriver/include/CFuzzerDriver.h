// libFuzzer's driver, for the fuzz build of briefing-fuzz (Sources/briefing-fuzz/FuzzMain.swift).
//
// SwiftPM links a debug executable with `--defsym main=<module>_main`, so libFuzzer's own `main`
// cannot be the program's entry point; the fuzz build defines `briefing_fuzz_main` instead and hands
// over to LLVMFuzzerRunDriver, which libclang_rt.fuzzer (linked by `-sanitize=fuzzer`) provides.
// The declaration is only used when BRIEFING_FUZZ is defined; other builds never reference it.
#ifndef C_FUZZER_DRIVER_H
#define C_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
