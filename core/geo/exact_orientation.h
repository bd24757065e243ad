#pragma once

namespace borderlens {

// The sign of the turn a -> b -> c: +1 left (counter-clockwise), -1 right, 0 exactly collinear.
// Exact for any finite doubles (Shewchuk's error-bounded filter, then an exact expansion sum of
// the six products), so a point on a shared district edge gets the same answer from both
// districts: the rule that makes "one district each" hold where plain arithmetic would flip.
int orientation(double ax, double ay, double bx, double by, double cx, double cy);

// True when (px, py) lies exactly on the closed segment a–b.
bool onSegment(double ax, double ay, double bx, double by, double px, double py);

} // namespace borderlens
