/* critnet/usgs.h: importer of USGS Mineral Commodity Summaries data releases (a folder of CSV files) into
 * a cn_net. The id scheme, the value grammar and every quirk handled are described in docs/usgs.md. */
#ifndef CRITNET_USGS_H
#define CRITNET_USGS_H

#include "critnet/net.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/usgs.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/* warnings ("FILE:LINE: what was skipped and why") go to a cn_warn_fn (critnet/common.h) */

/**
 * cn_import_usgs_mcs: reads a data release folder (any sub-folder depth, any file-name case, file names
 * prefixed or not): world production tables (*_world.csv), salient statistics (*_salient.csv), the net import
 * reliance figure (*Net_Import_Reliance*.csv) and the critical-minerals tables (*Critical_Minerals*.csv),
 * finding columns by header patterns, into produces/relies/supplies edges for the U.S. view, with mineral ids,
 * forms and the 2018/2022 list tags of datasets/forms.csv (docs/usgs.md). An unknown supplier name is kept as
 * an unmapped supplier ("code-NAME"). dir is borrowed. *out: a new, validated network owned by the caller
 * (cn_net_free()), NULL on failure. Errors: CN_ENOINPUT (folder or file unreadable, not a folder), CN_EDATA
 * (no MCS table in it, "FILE:LINE: what was expected"), CN_ENOMEM; nothing is left to free. Warnings are
 * dropped: see cn_import_usgs_mcs_ex(). Time: O(total bytes + E log E).
 */
cn_status cn_import_usgs_mcs(const char *dir, cn_net **out, cn_error *err);

/**
 * cn_import_usgs_mcs_ex: as cn_import_usgs_mcs(); things skipped on purpose (a file that is not the table
 * its name says, a capacity-only table, an out-of-range figure) are passed to warn (may be NULL) with ctx,
 * one "FILE:LINE: what was skipped and why" line per call, from the calling thread; the message is only
 * valid during the call. The library itself prints nothing. ctx is borrowed for the call; dir and *out as
 * for cn_import_usgs_mcs(). Errors: the same, CN_ENOINPUT, CN_EDATA, CN_ENOMEM, with nothing left to free
 * (warnings already passed to warn are not taken back). Time: O(total bytes + E log E), plus warn's own time.
 */
cn_status cn_import_usgs_mcs_ex(const char *dir, cn_warn_fn warn, void *ctx, cn_net **out, cn_error *err);

/**
 * cn_import_usgs_chapters: reads a folder of MCS chapter tables in long CSV form (commodities.csv,
 * import_sources.csv, nir.csv, world_production.csv; the columns of datasets/usgs-mcs2026/SOURCE.md) into the
 * U.S. view: import shares by form (supplies edges with the form as basis, the headline group of each mineral
 * flagged primary; an incomplete list stays incomplete), net import reliance by year with printed bounds
 * (relies), world production of the two years and reserves (produces), the 2018 and 2022 list tags. Ids and
 * forms, and how each known fault of the extraction is handled, are in docs/usgs.md. dir is borrowed. *out: a
 * new, validated network owned by the caller (cn_net_free()), NULL on failure. Errors: CN_ENOINPUT (folder or
 * file unreadable), CN_EDATA ("FILE:LINE: what was expected": a missing column, a share that is not a
 * percentage, an unknown country or chapter), CN_ENOMEM; nothing is left to free. Warnings are dropped: see
 * cn_import_usgs_chapters_ex(). Time: O(total bytes + E log E).
 */
cn_status cn_import_usgs_chapters(const char *dir, cn_net **out, cn_error *err);

/**
 * cn_import_usgs_chapters_ex: as cn_import_usgs_chapters(); what is handled on purpose (a share list that sums
 * below 98% or above 100%, a merged "Chile and Turkey" entry, a world table that is capacity, a unit not
 * captured, reserves cells that are prose) is passed to warn (may be NULL) with ctx, one "FILE[:LINE]: what
 * and why" line per call, from the calling thread, valid during the call only. ctx is borrowed for the call;
 * dir and *out as for cn_import_usgs_chapters(). Errors: the same, CN_ENOINPUT, CN_EDATA, CN_ENOMEM, with
 * nothing left to free. Time: O(total bytes + E log E), plus warn's own time.
 */
cn_status cn_import_usgs_chapters_ex(const char *dir, cn_warn_fn warn, void *ctx, cn_net **out, cn_error *err);

/** Options of cn_import_usgs_mcs_opts(). */
typedef struct cn_usgs_opts {
    int strict; /**< a supplier name that is neither a country, a known region, "World total" nor "Other
                     countries" is an error (CN_EDATA, FILE:LINE) instead of an unmapped supplier and a warning */
} cn_usgs_opts;

/** cn_usgs_opts_init: sets *o to the defaults (not strict). Cannot fail. O(1). */
void cn_usgs_opts_init(cn_usgs_opts *o);

/**
 * cn_import_usgs_mcs_opts: as cn_import_usgs_mcs_ex(), with options (opts may be NULL: the defaults). Mineral
 * ids, forms and the 2018/2022 list tags come from the table datasets/forms.csv (embedded at build time), the
 * same in every edition (docs/usgs.md). Besides the warnings of cn_import_usgs_mcs_ex(), warn receives one
 * line each for: CSV files of the folder no reader takes (by name), a country printed twice in one world
 * series (its figures summed), supplier names kept as unmapped (count and first names), minerals with
 * reliance but no production figures and the reverse, names of a release's critical-minerals table that are
 * not on the 2022 list. Errors: as cn_import_usgs_mcs_ex(), and with opts->strict CN_EDATA for an unknown
 * supplier name; nothing is left to free. Time: O(total bytes + E log E + files x rows of forms.csv).
 */
cn_status cn_import_usgs_mcs_opts(const char *dir, const cn_usgs_opts *opts, cn_warn_fn warn, void *ctx,
                                  cn_net **out, cn_error *err);

/**
 * cn_import_usgs_chapters_opts: as cn_import_usgs_chapters_ex(), with options (opts may be NULL: the defaults).
 * A supplier name that is neither a country, a known region, "World total" nor "Other" is kept as an unmapped
 * supplier ("code-NAME") and reported in one warning line with the count and the first names; with
 * opts->strict it is CN_EDATA "FILE:LINE: unknown country ...". dir, ctx borrowed; *out owned by the caller
 * (cn_net_free()), NULL on failure. Errors: CN_ENOINPUT, CN_EDATA, CN_ENOMEM; nothing is left to free.
 * Time: O(total bytes + E log E), plus warn's own time.
 */
cn_status cn_import_usgs_chapters_opts(const char *dir, const cn_usgs_opts *opts, cn_warn_fn warn, void *ctx,
                                       cn_net **out, cn_error *err);

CN_END_DECLS
#endif
