#include "util/memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace annals {

void release_free_memory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace annals
