/* critnet/datasets.h: the datasets built into libcritnet (datasets/), loadable by name. */
#ifndef CRITNET_DATASETS_H
#define CRITNET_DATASETS_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 4
#error "critnet/datasets.h belongs to datasets/: graph/ and algorithms/ and io/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

typedef struct cn_dataset_info {
    const char *name, *title, *source;
    size_t bytes;   /**< size of the embedded file (native JSON, or the trade table a network is built from) */
} cn_dataset_info;

/** Describes the i-th built-in dataset in buf (the caller's) and returns buf, or NULL past the end. The
 * strings are the library's, valid for the life of the process. O(i). */
const cn_dataset_info *cn_dataset_get(size_t i, cn_dataset_info *buf);
/** The name of the default dataset (the library's string), the one cn_dataset_load(NULL, ...) loads.
 * Cannot fail. Constant time. */
const char *cn_dataset_default(void);
/** Loads a built-in dataset by name (NULL = the default) into *out, a new network the caller frees with
 * cn_net_free(). A composed dataset (`critnet datasets` says "over") loads its two built-in parts and merges
 * them with cn_net_merge() (critnet/merge.h). Errors: CN_EUSAGE when there is no such dataset, CN_EDATA when
 * a composition's parts disagree on a vertex's type, CN_ENOMEM. O(size of the dataset; for a composition, of
 * its parts plus the merge). */
cn_status cn_dataset_load(const char *name, cn_net **out, cn_error *err);

CN_END_DECLS

/* ---- the built-in inputs of the risk measures (datasets/risk.c) ---- */
#include "critnet/risk.h"
CN_BEGIN_DECLS
/** Appends the built-in inputs of critnet/risk.h to *in: with wgi, the World Bank WGI 2010-2023 (mean of the six
 * estimates per country and year, datasets/wgi/) unless in->wgi_source is already set (a user file); with
 * params, the EU CRM 2023 parameters through datasets/eu-crm-2023/materials.csv (cn_risk_params_read_eu_mem)
 * unless in->params_source is set. Sets the source strings. The caller frees *in with cn_risk_inputs_free().
 * Errors: CN_EDATA (an embedded table is malformed: a build error), CN_ENOMEM; *in then holds what it held
 * before. O(size of the tables). */
cn_status cn_risk_builtin_load(int wgi, int params, cn_risk_inputs *in, cn_error *err);
CN_END_DECLS

#endif
