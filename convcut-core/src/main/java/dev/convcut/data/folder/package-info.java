/**
 * The {@code imagefolder} dataset: a folder of class folders of JPEG/PNG/... files as torchvision's
 * {@code ImageFolder} reads it (same classes, same sample order), decoded in parallel and
 * preprocessed with torchvision's PIL semantics ({@link dev.convcut.data.image}), the evaluation
 * splits cached on disk, the training split streamed with {@code RandomResizedCrop}.
 */
package dev.convcut.data.folder;
