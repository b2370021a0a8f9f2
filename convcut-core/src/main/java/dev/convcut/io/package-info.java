/** Files written atomically, JSON, hashing and terminal progress: the plumbing every command shares. */
package dev.convcut.io;
