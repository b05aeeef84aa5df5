/* io/format/json_write.c: cn_net -> the native JSON format. One object per line inside each array, so data files
 * diff well; numbers are printed so they read back to the same doubles (add_num). */
#include "critnet/io.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *buf;
    size_t len, cap;
    int oom;
} sbuf;

static void put(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->buf, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->buf = p;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n + 1);
    b->len += n;
}

/* append one cJSON object on a line, consuming it */
static void put_obj(sbuf *b, cJSON *o, int last)
{
    char *s = o ? cJSON_PrintUnformatted(o) : NULL;
    if (!s) {
        b->oom = 1;
    } else {
        put(b, "    ");
        put(b, s);
        put(b, last ? "\n" : ",\n");
    }
    cJSON_free(s);
    cJSON_Delete(o);
}

static void add_str(cJSON *o, const char *k, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, k, v);
}

/* the fewest digits (15 to 17) that read back to exactly v: cJSON's own printing settles for 15 digits that read
 * back only within an epsilon, which changes the last bit of computed shares and sums */
static void add_num(cJSON *o, const char *k, double v)
{
    if (isnan(v))
        return;
    char buf[32] = "0";
    if (!isfinite(v))
        strcpy(buf, "null");
    else if (v != 0)
        for (int digits = 15; digits <= 17; digits++) {
            snprintf(buf, sizeof buf, "%.*g", digits, v);
            if (strtod(buf, NULL) == v)
                break;
        }
    cJSON_AddRawToObject(o, k, buf);
}

static void put_top_str(sbuf *b, const char *key, const char *v)
{
    if (!v)
        return;
    cJSON *s = cJSON_CreateString(v);
    char *t = s ? cJSON_PrintUnformatted(s) : NULL;
    if (!t) {
        b->oom = 1;
    } else {
        put(b, "  \"");
        put(b, key);
        put(b, "\": ");
        put(b, t);
        put(b, ",\n");
    }
    cJSON_free(t);
    cJSON_Delete(s);
}

static const char *country_ref(const cn_net *net, int32_t c)
{
    if (c >= 0)
        return net->vertices[c].id;
    return c == CN_OTHER ? "*other*" : c == CN_WORLD ? "*world*" : NULL;
}

cn_status cn_json_dump(const cn_net *net, char **out, cn_error *err)
{
    sbuf b = {0};
    *out = NULL;
    put(&b, "{\n  \"format\": \"critnet\",\n  \"version\": 1,\n");
    put_top_str(&b, "name", net->name);
    put_top_str(&b, "title", net->title);
    put_top_str(&b, "description", net->description);

    put(&b, "  \"sources\": [\n");
    for (int32_t i = 0; i < net->nsources; i++) {
        const cn_source *s = &net->sources[i];
        cJSON *o = cJSON_CreateObject();
        add_str(o, "id", s->id);
        add_str(o, "title", s->title);
        add_str(o, "edition", s->edition);
        add_str(o, "url", s->url);
        put_obj(&b, o, i + 1 == net->nsources);
    }
    for (int t = 0; t < 2; t++) {
        cn_vertex_type type = t ? CN_VERTEX_MINERAL : CN_VERTEX_COUNTRY;
        int32_t last = -1;
        for (int32_t v = 0; v < net->nvertices; v++)
            if (net->vertices[v].type == type)
                last = v;
        put(&b, t ? "  ],\n  \"minerals\": [\n" : "  ],\n  \"countries\": [\n");
        for (int32_t v = 0; v < net->nvertices; v++) {
            const cn_vertex *x = &net->vertices[v];
            if (x->type != type)
                continue;
            cJSON *o = cJSON_CreateObject();
            add_str(o, "id", x->id);
            if (strcmp(x->name, x->id) != 0)
                add_str(o, "name", x->name);
            add_str(o, "stage", x->stage);
            if (x->lists) {
                cJSON *l = cJSON_AddArrayToObject(o, "lists");
                if (x->lists & CN_LIST_2018)
                    cJSON_AddItemToArray(l, cJSON_CreateString("2018"));
                if (x->lists & CN_LIST_2022)
                    cJSON_AddItemToArray(l, cJSON_CreateString("2022"));
            }
            add_str(o, "note", x->note);
            if (x->source >= 0)
                add_str(o, "source", net->sources[x->source].id);
            put_obj(&b, o, v == last);
        }
    }
    put(&b, "  ],\n  \"edges\": [\n");
    for (int32_t i = 0; i < net->nedges; i++) {
        const cn_edge *e = &net->edges[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", cn_edge_kind_name(e->kind));
        if (e->kind != CN_EDGE_RELIES) {
            const char *c = country_ref(net, e->country);
            if (c)
                cJSON_AddStringToObject(o, "country", c);
            else
                cJSON_AddNullToObject(o, "country");
        }
        cJSON_AddStringToObject(o, "mineral", net->vertices[e->mineral].id);
        if (e->kind != CN_EDGE_PRODUCES)
            cJSON_AddStringToObject(o, "consumer", net->vertices[e->consumer].id);
        add_num(o, "share", e->share);
        add_num(o, "low", e->lo);
        add_num(o, "high", e->hi);
        if (e->rank)
            cJSON_AddNumberToObject(o, "rank", e->rank);
        add_num(o, "value", e->value);
        add_num(o, "quantity", e->quantity);
        add_num(o, "reserves", e->reserves);
        add_str(o, "unit", e->unit);
        if (e->year)
            cJSON_AddNumberToObject(o, "year", e->year);
        add_str(o, "period", e->period);
        add_str(o, "text", e->text);
        add_str(o, "basis", e->basis);
        if (e->flags & CN_F_ESTIMATED) cJSON_AddTrueToObject(o, "estimated");
        if (e->flags & CN_F_WITHHELD) cJSON_AddTrueToObject(o, "withheld");
        if (e->flags & CN_F_NA) cJSON_AddTrueToObject(o, "na");
        if (e->flags & CN_F_NET_EXPORTER) cJSON_AddTrueToObject(o, "net_exporter");
        if (e->flags & CN_F_PRIMARY) cJSON_AddTrueToObject(o, "primary");
        if (e->flags & CN_F_RESERVES_MIN) cJSON_AddTrueToObject(o, "reserves_at_least");
        if (e->source >= 0)
            add_str(o, "source", net->sources[e->source].id);
        put_obj(&b, o, i + 1 == net->nedges);
    }
    put(&b, "  ]\n}\n");
    if (b.oom) {
        free(b.buf);
        return cn_error_set(err, CN_ENOMEM, "out of memory writing the network");
    }
    *out = b.buf;
    return CN_OK;
}
