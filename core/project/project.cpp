#include "project/project.h"

namespace borderlens {

const ProjectLayer* Project::firstOfKind(ProjectLayer::Kind kind) const {
    for (const ProjectLayer& l : layers)
        if (l.kind == kind)
            return &l;
    return nullptr;
}

} // namespace borderlens
