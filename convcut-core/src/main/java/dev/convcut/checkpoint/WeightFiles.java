package dev.convcut.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.convcut.ConvcutException;
import dev.convcut.io.AtomicFiles;
import dev.convcut.io.IoReason;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes named arrays as safetensors or npz files (the files PyTorch and numpy exchange). */
public final class WeightFiles {
  private WeightFiles() {}

  /**
   * Writes {@code arrays} under their map keys, atomically. The arrays are duplicated for
   * naming, so the caller's arrays keep their names.
   */
  public static void write(Path file, Map<String, NDArray> arrays, WeightFormat format) {
    AtomicFiles.write(file, out -> {
      try (NDManager scratch = firstManager(arrays)) {
        NDList list = new NDList(arrays.size());
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
          NDArray copy = e.getValue().duplicate();
          copy.attach(scratch);
          copy.setName(e.getKey());
          list.add(copy);
        }
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 20);
        list.encode(buffered, format == WeightFormat.NPZ ? NDList.Encoding.NPZ : NDList.Encoding.SAFETENSORS);
        buffered.flush();
      }
    });
  }

  private static NDManager firstManager(Map<String, NDArray> arrays) {
    return arrays.isEmpty() ? NDManager.newBaseManager() : arrays.values().iterator().next().getManager().newSubManager();
  }

  /**
   * Reads every array of a safetensors or npz file into {@code manager}, keyed by name in file
   * order. Any problem names the file.
   */
  public static Map<String, NDArray> read(Path file, NDManager manager) {
    try (FileChannel ch = FileChannel.open(file)) {
      if (NpzLayout.looksLikeNpz(ch)) {
        NpzLayout.checkWhole(file, ch);
      } else if (SafetensorsLayout.looksLikeSafetensors(ch)) {
        SafetensorsLayout.checkWhole(file, ch);
      }
    } catch (NoSuchFileException e) {
      throw new ConvcutException(file + ": missing");
    } catch (IOException e) {
      throw new ConvcutException("could not read " + file + ": " + IoReason.of(e, file), e);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      NDList list = NDList.decode(manager, in);
      Map<String, NDArray> out = new LinkedHashMap<>();
      for (NDArray a : list) {
        if (a.getName() == null) {
          throw new ConvcutException(file + ": holds an unnamed array; weights must be named as in a PyTorch state_dict");
        }
        out.put(a.getName(), a);
      }
      return out;
    } catch (NoSuchFileException e) {
      throw new ConvcutException(file + ": missing");
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConvcutException ce) {
        throw ce;
      }
      throw new ConvcutException(file + ": not a readable safetensors or npz file (" + e.getMessage() + ")", e);
    }
  }
}
