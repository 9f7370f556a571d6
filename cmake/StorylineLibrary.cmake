# storyline_library(NAME DEPS...): one static library per pipeline folder, built from
# every .cc file in the calling folder. A folder with no sources yet becomes an
# interface library, so the build stays configurable while a stage is being written.
function(storyline_library name)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  if(sources)
    add_library(${name} STATIC ${sources})
    target_link_libraries(${name} PUBLIC ${ARGN})
  else()
    add_library(${name} INTERFACE)
    target_link_libraries(${name} INTERFACE ${ARGN})
  endif()
endfunction()
