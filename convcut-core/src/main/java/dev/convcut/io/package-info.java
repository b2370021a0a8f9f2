/**
 * Files written atomically, the one-writer lock on an output folder (and the clean-up of killed
 * runs' leftovers), JSON, hashing and terminal progress: the plumbing every command shares.
 */
package dev.convcut.io;
