/* io/import/usgs/forms.c: the table of mineral ids and forms across USGS editions (datasets/forms.csv, embedded at
 * build time): which id a file code, a world-table series, a salient NIR column, a commodity name or a name on the
 * 2018/2022 U.S. lists stands for, and which form of a mineral is its headline (docs/usgs.md, "Mineral ids"). */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "critnet/csv.h"
#include "critnet/io.h"
#include "format/embedded.h"
#include "import/usgs/usgs_i.h"

CN_EMBED_DECLARE(cn_i_usgs_forms_csv);

typedef struct {
    cn_i_form form;   /* shared by the rows of one id (the first row's strings) */
    int edition;      /* 0 = any ("*") */
    int kind;
    char *label;
    char *slug;       /* CN_I_FORM_NAME / LIST*: the label's slug; WORLD: the words after '/' */
} frow;

static struct {
    frow *rows;
    size_t n;
    int ok;
} tab;

static const char *const kinds[] = {
    [CN_I_FORM_ID] = "id",           [CN_I_FORM_CODE] = "code",         [CN_I_FORM_WORLD] = "world",
    [CN_I_FORM_NIR_COLUMN] = "nir_column", [CN_I_FORM_NAME] = "name",   [CN_I_FORM_LIST2018] = "list2018",
    [CN_I_FORM_LIST2022] = "list2022", [CN_I_FORM_MCS2020] = "mcs2020", [CN_I_FORM_MCS2026] = "mcs2026",
    [CN_I_FORM_MCS2026_GROUP] = "mcs2026_group",
};

static int kind_of(const char *s)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i] && strcmp(kinds[i], s) == 0)
            return (int)i;
    return -1;
}

/* one row: id,mineral,stage,headline,name,edition,kind,label; 0 on a malformed row (the table is then unusable) */
static int add_row(const cn_csv_row *r)
{
    if (r->n < 8)
        return 0;
    int kind = kind_of(r->field[6]);
    if (kind < 0)
        return 0;
    frow *f = &tab.rows[tab.n];
    memset(f, 0, sizeof *f);
    /* consecutive rows of one id share the first row's strings (rows appended later get their own copy) */
    if (tab.n && strcmp(tab.rows[tab.n - 1].form.id, r->field[0]) == 0) {
        f->form = tab.rows[tab.n - 1].form;
    } else {
        f->form.id = cn_strdup(r->field[0]);
        f->form.mineral = cn_strdup(r->field[1]);
        f->form.stage = *r->field[2] ? cn_strdup(r->field[2]) : NULL;
        f->form.headline = strcmp(r->field[3], "1") == 0;
        f->form.name = cn_strdup(r->field[4]);
        if (!f->form.id || !f->form.mineral || !f->form.name || (*r->field[2] && !f->form.stage))
            return 0;
    }
    f->edition = strcmp(r->field[5], "*") == 0 ? 0 : atoi(r->field[5]);
    f->kind = kind;
    f->label = cn_strdup(r->field[7]);
    char slug[256];
    const char *words = kind == CN_I_FORM_WORLD ? strchr(r->field[7], '/') : NULL;
    cn_i_usgs_slug(words ? words + 1 : r->field[7], slug, sizeof slug, 0);
    f->slug = cn_strdup(slug);
    tab.n++;
    return f->label && f->slug;
}

static void load_once(void)
{
    cn_csv *r;
    cn_error err;
    cn_csv_row row;
    const char *data = (const char *)cn_i_usgs_forms_csv;
    size_t len = CN_EMBED_SIZE(cn_i_usgs_forms_csv), lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += data[i] == '\n';
    tab.rows = calloc(lines, sizeof *tab.rows);
    if (!tab.rows || cn_csv_open_mem(data, len, "forms.csv", ',', &r, &err) != CN_OK)
        return;
    int ok = 1, header = 1;
    cn_csv_step rc;
    while (ok && (rc = cn_csv_next(r, &row, &err)) == CN_CSV_STEP_ROW) {
        if (header)
            header = 0;
        else if (tab.n < lines)
            ok = add_row(&row);
    }
    cn_csv_close(r);
    tab.ok = ok && tab.n > 0;
}

/* once per process (thread-safe); 0 when the embedded table could not be read (out of memory) */
static int load(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, load_once);
    return tab.ok;
}

static int edition_fits(const frow *f, int edition)
{
    return !f->edition || !edition || f->edition == edition;
}

const cn_i_form *cn_i_form_by_id(const char *id)
{
    if (!load())
        return NULL;
    for (size_t i = 0; i < tab.n; i++)
        if (strcmp(tab.rows[i].form.id, id) == 0)
            return &tab.rows[i].form;
    return NULL;
}

const cn_i_form *cn_i_form_label(int kind, const char *label, int edition)
{
    if (!load() || !label)
        return NULL;
    for (size_t i = 0; i < tab.n; i++) {
        const frow *f = &tab.rows[i];
        if (f->kind == kind && edition_fits(f, edition) && strcasecmp(f->label, label) == 0)
            return &f->form;
    }
    return NULL;
}

/* the slug of s, cut at its first comma (cut) and without parenthesised parts (bare) */
static void slug_part(const char *s, int cut, int bare, char *out, size_t cap)
{
    char buf[256];
    size_t n = 0;
    int depth = 0;
    for (const char *p = s; *p && n + 1 < sizeof buf; p++) {
        if (cut && *p == ',')
            break;
        if (*p == '(')
            depth++;
        if (!bare || !depth)
            buf[n++] = *p;
        if (*p == ')' && depth)
            depth--;
    }
    buf[n] = '\0';
    cn_i_usgs_slug(buf, out, cap, 0);
}

const cn_i_form *cn_i_form_name(int kind, const char *name, int edition)
{
    if (!load() || !name)
        return NULL;
    /* the whole name, then the part before its comma, then without the parenthesis */
    for (int attempt = 0; attempt < 3; attempt++) {
        char slug[256];
        slug_part(name, attempt > 0, attempt > 1, slug, sizeof slug);
        if (!*slug)
            continue;
        for (size_t i = 0; i < tab.n; i++) {
            const frow *f = &tab.rows[i];
            if (f->kind == kind && edition_fits(f, edition) && strcmp(f->slug, slug) == 0)
                return &f->form;
        }
    }
    return NULL;
}

/* whether the ' '-separated words hold w[0..len) as a whole word */
static int has_word(const char *words, const char *w, size_t len)
{
    for (const char *p = words;;) {
        const char *end = strchr(p, ' ');
        size_t l = end ? (size_t)(end - p) : strlen(p);
        if (l == len && strncmp(p, w, len) == 0)
            return 1;
        if (!end)
            return 0;
        p = end + 1;
    }
}

const cn_i_form *cn_i_form_world(const char *code, const char *key, int edition)
{
    if (!load())
        return NULL;
    size_t lc = strlen(code);
    for (size_t i = 0; i < tab.n; i++) {
        const frow *f = &tab.rows[i];
        if (f->kind != CN_I_FORM_WORLD || !edition_fits(f, edition) || strncmp(f->label, code, lc) != 0 ||
            f->label[lc] != '/')
            continue;
        /* every word of the row (its slug, '_'-separated) among the series key's words (' '-separated) */
        int all = 1;
        for (const char *w = f->slug; *w && all;) {
            const char *end = strchr(w, '_');
            size_t l = end ? (size_t)(end - w) : strlen(w);
            all = has_word(key, w, l);
            w += l + (end ? 1 : 0);
        }
        if (all)
            return &f->form;
    }
    return NULL;
}

size_t cn_i_form_list(unsigned list, const cn_i_form **forms, const char **labels, size_t cap)
{
    if (!load())
        return 0;
    int kind = list == CN_LIST_2018 ? CN_I_FORM_LIST2018 : CN_I_FORM_LIST2022;
    size_t n = 0;
    for (size_t i = 0; i < tab.n; i++)
        if (tab.rows[i].kind == kind) {
            if (n < cap) {
                forms[n] = &tab.rows[i].form;
                labels[n] = tab.rows[i].label;
            }
            n++;
        }
    return n;
}

int cn_i_form_on_list(const char *id, unsigned list)
{
    if (!load())
        return 0;
    int kind = list == CN_LIST_2018 ? CN_I_FORM_LIST2018 : CN_I_FORM_LIST2022;
    for (size_t i = 0; i < tab.n; i++)
        if (tab.rows[i].kind == kind && strcmp(tab.rows[i].form.id, id) == 0)
            return 1;
    return 0;
}

int cn_i_form_ready(void)
{
    return load();
}
