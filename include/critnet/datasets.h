/* critnet/datasets.h: the datasets built into the program (datasets/), loadable by name. Link
 * critnet_datasets to use these. */
#ifndef CRITNET_DATASETS_H
#define CRITNET_DATASETS_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 4
#error "critnet/datasets.h belongs to datasets/: graph/ and algorithms/ and io/ may not use it (docs/ARCHITECTURE.md)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cn_dataset_info {
    const char *name, *title, *source;
    size_t bytes;   /**< size of the embedded file (native JSON, or the trade table a network is built from) */
} cn_dataset_info;

/** The i-th built-in dataset, or NULL past the end. */
const cn_dataset_info *cn_dataset_get(size_t i, cn_dataset_info *buf);
/** The name of the default dataset. */
const char *cn_dataset_default(void);
/** Loads a built-in dataset by name (NULL = the default). CN_EUSAGE if there is no such dataset. */
cn_status cn_dataset_load(const char *name, cn_net **out, cn_error *err);

#ifdef __cplusplus
}
#endif
#endif
