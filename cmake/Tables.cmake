# cmake/Tables.cmake: the country and group tables of graph/ (graph/tables_i.h), generated at build time from
# datasets/iso_3166-1.json and datasets/groups.json by datasets/tools/gen_tables.c, a host tool linking cJSON only.
add_executable(cn_gen_tables ${PROJECT_SOURCE_DIR}/datasets/tools/gen_tables.c)
target_compile_options(cn_gen_tables PRIVATE ${CN_WARNINGS})
target_link_libraries(cn_gen_tables PRIVATE PkgConfig::CJSON)
target_include_directories(cn_gen_tables PRIVATE ${PROJECT_SOURCE_DIR}/graph)
set(CN_TABLES_C ${CMAKE_CURRENT_BINARY_DIR}/graph_tables.c)
add_custom_command(OUTPUT ${CN_TABLES_C}
  COMMAND cn_gen_tables ${PROJECT_SOURCE_DIR}/datasets/iso_3166-1.json ${PROJECT_SOURCE_DIR}/datasets/groups.json
          ${CN_TABLES_C}
  DEPENDS cn_gen_tables ${PROJECT_SOURCE_DIR}/datasets/iso_3166-1.json ${PROJECT_SOURCE_DIR}/datasets/groups.json
  COMMENT "Generating the country and group tables (datasets/iso_3166-1.json, datasets/groups.json)"
  VERBATIM)
target_sources(critnet_graph PRIVATE ${CN_TABLES_C})
