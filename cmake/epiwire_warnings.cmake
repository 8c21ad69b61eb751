# Warnings live on an INTERFACE target that every epiwire target links.
add_library(epiwire_warnings INTERFACE)
target_compile_options(epiwire_warnings INTERFACE
  -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wimplicit-fallthrough
  $<$<BOOL:${EPIWIRE_WERROR}>:-Werror>)
