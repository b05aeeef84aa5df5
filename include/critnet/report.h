/* critnet/report.h: writers that turn analysis results into text tables, CSV, Markdown and JSON (io/report/).
 * They format; they do not compute.
 *
 * Every writer returns CN_OK, or CN_ENOMEM ("out of memory writing the report") or CN_EIO ("write error":
 * fp's error flag was set) with err filled; part of the output may then have been written. Unknown figures
 * are never made up: null in JSON, an empty CSV cell, a word ("-", "unknown") in tables. Percentages in
 * tables: whole percents without decimals ("33%"), others with one ("2.5%"). O(size of the result).
 * Ownership: every writer borrows net, the result and fp (it neither frees nor closes them) and leaves nothing
 * for the caller to free. Each writer below restates its errors and its time for its own result. */
#ifndef CRITNET_REPORT_H
#define CRITNET_REPORT_H

#include <stdio.h>

#include "critnet/centrality.h"
#include "critnet/chokepoints.h"
#include "critnet/deps.h"
#include "critnet/diff.h"
#include "critnet/io.h"
#include "critnet/scenario.h"

#if defined(CN_BUILD_LAYER) && CN_BUILD_LAYER < 3
#error "critnet/report.h belongs to io/: graph/ and algorithms/ may not use it (docs/ARCHITECTURE.md)"
#endif

CN_BEGIN_DECLS

/** Writes a deps result (docs/deps.md describes the columns). Errors: CN_ENOMEM, CN_EIO (as above).
 * O(rows). */
cn_status cn_report_deps(const cn_net *net, const cn_deps_result *r, cn_format fmt, FILE *fp, cn_error *err);

/** Writes a concentration (market) result (docs/measures-usgs.md describes the columns). Errors: CN_ENOMEM,
 * CN_EIO (as above). O(rows). */
cn_status cn_report_concentration(const cn_net *net, const cn_concentration_result *r, cn_format fmt, FILE *fp,
                                  cn_error *err);

/** Writes a centrality result: one row per vertex (docs/measures-network.md). Errors: CN_ENOMEM, CN_EIO
 * (as above). O(rows * measures). */
cn_status cn_report_centrality(const cn_net *net, const cn_centrality_result *r, cn_format fmt, FILE *fp,
                               cn_error *err);

/** Writes a projection as a table of edges, or as GraphML when graphml is set. weighted: the sum of min
 * shares is written (it is always in JSON). Errors: CN_ENOMEM (not for GraphML, which is written directly),
 * CN_EIO (as above). O(V + E) for the projection's vertices and edges. */
cn_status cn_report_projection(const cn_net *net, const cn_projection_result *p, cn_format fmt, int graphml,
                               FILE *fp, cn_error *err);

/** Writes a chokepoint result: the market rows (critical suppliers, minimum cut, dominators), the exposure
 * rows, the cut vertices and bridges. Errors: CN_ENOMEM, CN_EIO (as above). O(rows + the lengths of their
 * lists + exposure rows + cut vertices + bridges). */
cn_status cn_report_chokepoints(const cn_net *net, const cn_chokepoints_result *r, cn_format fmt, FILE *fp,
                                cn_error *err);
/** As cn_report_chokepoints(), but the text and Markdown tables show their first top rows (0 = all) and count
 * the rest in one line; a world consumer's result (r->world_consumer) says how many products have a critical
 * supplier and why no cut vertices are listed (JSON: articulation_points and bridges null). CSV and JSON list
 * every row. Errors: CN_ENOMEM, CN_EIO (as above). O(rows shown + their lists + exposure rows shown). */
cn_status cn_report_chokepoints_top(const cn_net *net, const cn_chokepoints_result *r, size_t top, cn_format fmt,
                                    FILE *fp, cn_error *err);

/** Writes a country profile (CSV: its supplies only). Errors: CN_ENOMEM, CN_EIO (as above).
 * O(supplies + counts + production rows + reliance rows). */
cn_status cn_report_profile(const cn_net *net, const cn_profile_result *r, cn_format fmt, FILE *fp, cn_error *err);

/** Writers of the results above as a text table, CSV, Markdown or JSON (docs/scenarios.md lists the
 * fields). Unknown figures are "unknown" in tables and null in JSON. s and allies are borrowed, like the
 * result. Errors, for each of the three: CN_ENOMEM, CN_EIO (as above).
 * Time: cn_report_scenario O(restrictions + rows + flows log flows) (each row's replacement flows are sorted
 * for the table); cn_report_cascade O(restrictions + countries), plus O(nodes + flows) in JSON, the only
 * format that lists them; cn_report_coalition O(allies + rows). */
cn_status cn_report_scenario(const cn_net *net, const cn_scenario *s, const cn_scenario_result *r, cn_format fmt,
                             FILE *fp, cn_error *err);
cn_status cn_report_cascade(const cn_net *net, const cn_scenario *s, const cn_cascade_result *r,
                            cn_format fmt, FILE *fp, cn_error *err);
cn_status cn_report_coalition(const cn_net *net, const char *const *allies, size_t nallies,
                              const cn_coalition_result *r, cn_format fmt, FILE *fp, cn_error *err);

/** Writes a diff result (docs/diff.md describes the columns): then and now are the two networks compared (their
 * names head the report). Tables and Markdown: the minerals, then the suppliers, and a sentence for a single
 * supplier; CSV: the minerals only; JSON: both arrays. Errors: CN_ENOMEM, CN_EIO (as above). O(rows). */
cn_status cn_report_diff(const cn_net *then, const cn_net *now, const cn_diff_result *r, cn_format fmt, FILE *fp,
                         cn_error *err);

/** Lists the vertices of one type (CN_VERTEX_MINERAL or CN_VERTEX_COUNTRY) in net's order (minerals: only
 * those on one of the CN_LIST_* lists given, all when lists is 0): minerals with id,
 * name, stage, lists and the number of distinct producers, suppliers and consumers with figures; countries
 * with id, name and the number of distinct minerals they produce, supply and import. Errors: CN_ENOMEM,
 * CN_EIO (as above). O(V + E log E). */
cn_status cn_report_vertices(const cn_net *net, cn_vertex_type type, unsigned lists, cn_format fmt, FILE *fp,
                             cn_error *err);

/** What the HTML report shows (cn_report_html): deps is required; the others may be NULL (left out). */
typedef struct cn_report_html_in {
    const char *dataset;                 /**< the dataset's name for the heading; NULL: net->name */
    const cn_deps_result *deps;          /**< the consumer's dependencies: summary, NIR chart, heat map, table */
    const cn_concentration_result *conc; /**< world-production concentration (summary, table) */
    const cn_chokepoints_result *choke;  /**< chokepoints (summary, table) */
    const char *overview_svg;            /**< an SVG document (e.g. from cn_render_mem) shown as the overview */
    const char *overview_caption;        /**< what the overview leaves out, or NULL */
    const char *const *dep_svgs;         /**< one small diagram (SVG document) per critical dependency */
    const int32_t *dep_minerals;         /**< the mineral vertex of each */
    size_t ndeps;                        /**< how many (0: the section is left out) */
    const cn_coalition_result *coal;     /**< the alliance's shares (report --allies), or NULL: left out */
    const char *const *allies;           /**< the alliance's members, as cn_report_coalition takes them */
    size_t nallies;
} cn_report_html_in;
/** Writes one self-contained HTML page (no script, no network: charts drawn with cairo and the overview are
 * data: URIs): summary, net-import-reliance chart, supplier x mineral heat map of import shares (ranks,
 * hatched, where shares are unknown), overview, one diagram per critical dependency, the deps / concentration / chokepoints (/ coalition) tables and the
 * sources (one line per edition and address). Every text is HTML-escaped. Errors: CN_ENOMEM, CN_EIO,
 * CN_EINTERNAL (cairo failed). O(rows x E) for the import sources of each mineral, plus the tables. */
cn_status cn_report_html(const cn_net *net, const cn_report_html_in *in, FILE *fp, cn_error *err);

/** Writes the same report as cn_report_html (the same content, built once) as Markdown to fp: headings, the
 * summary as a list, the tables of the result writers in Markdown, the sources; each chart and diagram is an
 * SVG file DIR/STEM-ID.svg (ID: nir, heatmap, overview, dep-MINERAL), written atomically through cn_out and
 * linked by a path relative to the document (STEM-ID.svg: write the document into DIR). Data text is escaped
 * for Markdown. dir and stem are borrowed; fp is written, not closed. Errors: CN_ENOMEM, CN_EIO, CN_EINTERNAL
 * (cairo failed), CN_ECANTCREAT (an SVG file cannot be created; the files written before it stay). O(rows x E)
 * for the import sources of each mineral, plus the tables and the bytes of the pictures. */
cn_status cn_report_md(const cn_net *net, const cn_report_html_in *in, const char *dir, const char *stem, FILE *fp,
                       cn_error *err);

/** Writes the chokepoints of a world table (cn_chokepoints_world_run): per product stage, the countries ranked
 * (at most top per stage; 0 = all). Tables name the first 3 consumers exposed and count the rest
 * ("LBN PRT FRA ... +168", with an ellipsis); CSV and JSON list them all. Errors: CN_ENOMEM, CN_EIO (as above).
 * O(rows + consumers listed). */
cn_status cn_report_chokepoints_world(const cn_net *net, const cn_choke_world_result *r, size_t top, cn_format fmt,
                                      FILE *fp, cn_error *err);

/** Writes a cn_deps_supplier_run() result, the reverse view of deps (docs/measures.md "who hangs on a supplier"
 * describes the columns). Errors: CN_ENOMEM, CN_EIO. O(rows). */
cn_status cn_report_deps_supplier(const cn_net *net, const cn_deps_supplier_result *r, cn_format fmt, FILE *fp,
                                  cn_error *err);

/** Writes a cn_deps_years_run() result (deps --years): a table with one column per year (figures and bounds as
 * printed, "E" for a net exporter, "no data"; a year header ends in "e" when a figure of it is an estimate),
 * CSV with one line per mineral and year, or JSON with a series per mineral; CSV and JSON give fractions with
 * the printed bound (">", "<") beside them. Errors: CN_EUSAGE (more than 31 years in a table), CN_ENOMEM,
 * CN_EIO. O(minerals x years). */
cn_status cn_report_deps_years(const cn_net *net, const cn_deps_years_result *r, cn_format fmt, FILE *fp,
                               cn_error *err);

CN_END_DECLS
#endif
