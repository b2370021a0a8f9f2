package dev.convcut.model;

/**
 * A top-level piece of a network (the stem, one residual block, the head, a group of layers of a
 * plain CNN). Networks run stage by stage, so a computation can start or stop at any stage
 * boundary.
 */
public interface Stage extends Module {
  String name();
}
