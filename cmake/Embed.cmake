# cn_embed(TARGET SYMBOL FILE): adds FILE's bytes to TARGET as `const unsigned char SYMBOL[]` and
# SYMBOL_end (see io/format/embedded.h). Uses the assembler's .incbin: no size limit, no slow hex conversion.
function(cn_embed target sym file)
  set(CN_EMBED_SYM ${sym})
  set(CN_EMBED_FILE ${file})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embed_${sym}.c)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/embed.c.in ${out} @ONLY)
  set_source_files_properties(${out} PROPERTIES OBJECT_DEPENDS ${file})
  target_sources(${target} PRIVATE ${out})
endfunction()
