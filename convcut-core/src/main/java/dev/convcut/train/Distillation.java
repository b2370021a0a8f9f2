package dev.convcut.train;

import dev.convcut.InvalidSettingException;
import dev.convcut.Setting;
import dev.convcut.model.Network;

/**
 * Knowledge distillation (Hinton, Vinyals and Dean, 2015) for fine-tuning a compressed network:
 * the loss becomes {@code (1−weight)·CE(student, labels) + weight·T²·KL(softmax(teacher/T) ‖
 * softmax(student/T))}, the teacher (the dense network the student was cut from) running in
 * inference mode on the same augmented batch.
 *
 * @param teacher the network whose outputs the student learns from; never trained
 * @param weight the distillation term's share of the loss, in [0, 1]
 * @param temperature the softening temperature T, > 0
 */
public record Distillation(Network teacher, double weight, double temperature) {
  public Distillation {
    if (teacher == null) {
      throw new IllegalArgumentException("distillation needs a teacher network");
    }
    check(weight, temperature);
  }

  /** Refuses a weight outside [0, 1] or a temperature that is not a positive number, naming the option. */
  public static void check(double weight, double temperature) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new InvalidSettingException(Setting.DISTILL, weight, " must be between 0 and 1 (the share of the distillation loss), got "
          + weight);
    }
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new InvalidSettingException(Setting.DISTILL_TEMPERATURE, temperature, " must be a positive number, got " + temperature);
    }
  }
}
