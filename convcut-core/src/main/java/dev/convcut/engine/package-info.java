/** Starting and configuring DJL's PyTorch engine (offline, threads, device). */
package dev.convcut.engine;
