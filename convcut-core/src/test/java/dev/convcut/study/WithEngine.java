package dev.convcut.study;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Starts the engine once per test class and gives it a base manager, closed after the class. */
abstract class WithEngine {
  static NDManager manager;

  @BeforeAll
  static void startEngine() {
    manager = StudyFixtures.manager();
  }

  @AfterAll
  static void stopEngine() {
    manager.close();
  }
}
