/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_config.c: libFuzzer target: any bytes as the INI configuration. */
#include "config.h"

#include "core/kiosk_config.h"

#include <locale.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setlocale(LC_ALL, "C.UTF-8");
    struct kiosk_config cfg;
    char err[1024];
    config_defaults(&cfg);
    config_load_buffer("fuzz.conf", (const char *)data, size, &cfg, err, sizeof err);
    config_free(&cfg);
    return 0;
}
