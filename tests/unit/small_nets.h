/* tests/unit/small_nets.h: small networks for the unit tests of the analyses and writers, as native JSON read
 * with cn_json_parse. Every figure the tests expect is worked out by hand from these lines. */
#ifndef CN_TEST_SMALL_NETS_H
#define CN_TEST_SMALL_NETS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critnet/io.h"

/* N1: USA imports graphite from CHN .6, CAN .3, AUS .1 (NIR .8) and cobalt from CAN alone (NIR .5); world
 * production of graphite: CHN .7, CAN .2 (given shares, .1 unlisted); of cobalt: CAN 3,000 t of a world
 * 230,000 t. DEU is isolated. Vertex indices: USA 0, CHN 1, CAN 2, AUS 3, DEU 4, graphite 5, cobalt 6.
 * The undirected bipartite view: graphite - USA, CHN, CAN, AUS; cobalt - USA, CAN (a 4-cycle USA-graphite-
 * CAN-cobalt with CHN and AUS hanging off graphite), DEU alone. Pair weights (the largest share on the pair):
 * USA-graphite .8, CHN-graphite .7, CAN-graphite .3, AUS-graphite .1, USA-cobalt .5, CAN-cobalt 1. */
static const char N1[] =
    "{\"format\":\"critnet\",\"version\":1,\"name\":\"n1\",\n"
    " \"countries\":[{\"id\":\"USA\"},{\"id\":\"CHN\"},{\"id\":\"CAN\"},{\"id\":\"AUS\"},{\"id\":\"DEU\"}],\n"
    " \"minerals\":[{\"id\":\"graphite\",\"lists\":[\"2018\"]},{\"id\":\"cobalt\"}],\n"
    " \"edges\":[\n"
    "  {\"kind\":\"relies\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.8,\"year\":2023},\n"
    "  {\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.6,\"rank\":1,\"period\":\"2019-22\"},\n"
    "  {\"kind\":\"supplies\",\"country\":\"CAN\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.3,\"rank\":2,\"period\":\"2019-22\"},\n"
    "  {\"kind\":\"supplies\",\"country\":\"AUS\",\"mineral\":\"graphite\",\"consumer\":\"USA\",\"share\":0.1,\"rank\":3,\"period\":\"2019-22\"},\n"
    "  {\"kind\":\"relies\",\"mineral\":\"cobalt\",\"consumer\":\"USA\",\"share\":0.5,\"year\":2023},\n"
    "  {\"kind\":\"supplies\",\"country\":\"CAN\",\"mineral\":\"cobalt\",\"consumer\":\"USA\",\"share\":1,\"rank\":1,\"period\":\"2019-22\"},\n"
    "  {\"kind\":\"produces\",\"country\":\"CHN\",\"mineral\":\"graphite\",\"share\":0.7,\"year\":2023},\n"
    "  {\"kind\":\"produces\",\"country\":\"CAN\",\"mineral\":\"graphite\",\"share\":0.2,\"year\":2023},\n"
    "  {\"kind\":\"produces\",\"country\":\"CAN\",\"mineral\":\"cobalt\",\"quantity\":3000,\"unit\":\"t\",\"year\":2023},\n"
    "  {\"kind\":\"produces\",\"country\":\"*world*\",\"mineral\":\"cobalt\",\"quantity\":230000,\"unit\":\"t\",\"year\":2023}\n"
    " ]}\n";

/* N2: a two-stage chain: COD (.7) and ZMB (.3) send cobalt ore to CHN, which sends all of USA's refined cobalt
 * (USA's NIR .9). Vertex indices: COD 0, ZMB 1, CHN 2, USA 3, cobalt:ore 4, cobalt:refined 5. */
static const char N2[] =
    "{\"format\":\"critnet\",\"version\":1,\"name\":\"n2\",\n"
    " \"countries\":[{\"id\":\"COD\"},{\"id\":\"ZMB\"},{\"id\":\"CHN\"},{\"id\":\"USA\"}],\n"
    " \"minerals\":[{\"id\":\"cobalt:ore\"},{\"id\":\"cobalt:refined\"}],\n"
    " \"edges\":[\n"
    "  {\"kind\":\"supplies\",\"country\":\"COD\",\"mineral\":\"cobalt:ore\",\"consumer\":\"CHN\",\"share\":0.7},\n"
    "  {\"kind\":\"supplies\",\"country\":\"ZMB\",\"mineral\":\"cobalt:ore\",\"consumer\":\"CHN\",\"share\":0.3},\n"
    "  {\"kind\":\"supplies\",\"country\":\"CHN\",\"mineral\":\"cobalt:refined\",\"consumer\":\"USA\",\"share\":1},\n"
    "  {\"kind\":\"relies\",\"mineral\":\"cobalt:refined\",\"consumer\":\"USA\",\"share\":0.9}\n"
    " ]}\n";

/* parses one of the above; exits the test on failure (a fixture that does not parse is a broken test) */
static inline cn_net *small_net(const char *doc, const char *name)
{
    cn_net *net = NULL;
    cn_error err = {0};
    if (cn_json_parse(doc, strlen(doc), name, &net, &err) != CN_OK) {
        fprintf(stderr, "%s: fixture does not parse: %s\n", name, err.msg);
        exit(2);
    }
    return net;
}

#endif
