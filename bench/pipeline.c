/* bench/pipeline.c: the critnet side of bench/run: load a BACI file, per-product exporter HHI, the bipartite
 * exporter-product network, PageRank on its country projection. Prints each step's seconds and peak RSS.
 * By default rows are summed per exporter and product while reading (cn_trade_opts.exporters_only, what the
 * pipeline needs; large files on two threads); --all-flows keeps every row and builds the network from the full
 * flows table instead; --one-thread reads on one thread.
 * usage: critnet_bench_pipeline [--all-flows] [--one-thread] FILE.csv */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "critnet/critnet.h"
#include "igraph_i.h" /* graph/: the igraph steps timed directly */

/* CPU seconds of this process (the machine is shared: wall time also counts other users' work) */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double c0, w0;
static void step(const char *name)
{
    double c = cpu(), w = wall();
    printf("step %s %.3f cpu %.3f wall\n", name, c - c0, w - w0);
    c0 = c;
    w0 = w;
}

static int fail(const cn_error *err)
{
    fprintf(stderr, "critnet_bench_pipeline: %s\n", err->msg);
    return cn_status_exit(err->status);
}

int main(int argc, char **argv)
{
    int all_flows = 0, threads = 0, argi = 1;
    for (; argi + 1 < argc; argi++) {
        if (strcmp(argv[argi], "--all-flows") == 0)
            all_flows = 1;
        else if (strcmp(argv[argi], "--one-thread") == 0)
            threads = 1;
        else
            break;
    }
    if (argi + 1 != argc) {
        fprintf(stderr, "usage: critnet_bench_pipeline [--all-flows] [--one-thread] FILE.csv\n");
        return 64;
    }
    const char *path = argv[argc - 1];
    cn_error err = {0};
    c0 = cpu();
    w0 = wall();
    double cstart = c0, wstart = w0;
    cn_trade_opts o = {.from = CN_TRADE_LAYOUT_BACI, .exporters_only = !all_flows, .threads = threads};
    cn_trade *t = NULL;
    if (cn_trade_load(path, &o, &t, &err))
        return fail(&err);
    step("load");
    /* the exporter -> product layer (each exporter's share of world exports of each product) */
    cn_trade_net_opts no = {.produces_only = 1};
    cn_net *net = NULL;
    if (cn_trade_to_net(t, &no, &net, &err))
        return fail(&err);
    long rows = t->rows;
    size_t nflows = t->nflows;
    cn_trade_free(t);
    /* per-product HHI of exporter shares: produces edges come grouped by product */
    double *shares = malloc(((size_t)net->nedges + 1) * sizeof *shares), hhi_sum = 0;
    int32_t nprod = 0;
    for (int32_t a = 0; a < net->nedges;) {
        int32_t b = a;
        size_t n = 0;
        while (b < net->nedges && net->edges[b].mineral == net->edges[a].mineral) {
            if (net->edges[b].country >= 0)
                shares[n++] = net->edges[b].share;
            b++;
        }
        cn_hhi c;
        cn_hhi_compute(shares, n, &c);
        hhi_sum += c.hhi;
        nprod++;
        a = b;
    }
    free(shares);
    step("hhi");
    cn_i_igraph g;
    if (cn_i_igraph_build(net, CN_VIEW_PRODUCES, -1, 0, &g, &err))
        return fail(&err);
    step("bipartite");
    igraph_t proj;
    igraph_vector_int_t mult;
    igraph_vector_t w, pr;
    igraph_vector_int_init(&mult, 0);
    igraph_vector_init(&pr, 0);
    if (cn_i_igraph_project(&g.g, &g.types, &proj, NULL, &mult, NULL, &err))
        return fail(&err);
    /* weights: the number of products two countries both export */
    igraph_vector_init(&w, igraph_vector_int_size(&mult));
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(&mult); k++)
        VECTOR(w)[k] = (double)VECTOR(mult)[k];
    if (cn_i_igraph_pagerank(&proj, &w, 0.85, &pr, &err))
        return fail(&err);
    step("pagerank");
    int32_t best = 0;
    for (int32_t v = 0; v < (int32_t)igraph_vector_size(&pr); v++)
        if (VECTOR(pr)[v] > VECTOR(pr)[best])
            best = v;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("rows %ld flows %zu products %d countries %d edges %d projection_edges %ld\n", rows, nflows, nprod,
           (int)igraph_vcount(&proj), (int)igraph_ecount(&g.g), (long)igraph_ecount(&proj));
    printf("mean_hhi %.6f top_pagerank %s %.6f\n", hhi_sum / nprod, net->vertices[best].id, VECTOR(pr)[best]);
    printf("step total %.3f cpu %.3f wall\n", cpu() - cstart, wall() - wstart);
    printf("peak_rss_mb %.1f\n", (double)ru.ru_maxrss / 1024.0);
    igraph_vector_destroy(&pr);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&mult);
    igraph_destroy(&proj);
    cn_i_igraph_destroy(&g);
    cn_net_free(net);
    return 0;
}
