package dev.convcut;

import ai.djl.ndarray.NDManager;
import dev.convcut.engine.Torch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** For tests on the engine: starts it once per test class (2 threads) and gives it a base manager, closed after the class. */
public abstract class WithEngine {
  protected static NDManager manager;

  @BeforeAll
  static void startEngine() {
    Torch.configure(2);
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void stopEngine() {
    manager.close();
  }
}
