package dev.convcut;

/**
 * One setting has a value that cannot be used: {@link #setting()} says which, {@link #value()}
 * what was given, and the message what would be valid, e.g. {@code the fine-tuning batch size
 * must be >= 2 (BatchNorm needs two images per step), got 1}.
 */
public class InvalidSettingException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  private final Setting setting;
  private final transient Object value;

  /** The setting, its value, and the whole message. */
  public InvalidSettingException(Setting setting, Object value, Words words) {
    super(words);
    this.setting = setting;
    this.value = value;
  }

  /**
   * The common form "SETTING rest…", e.g. {@code (FINETUNE_EPOCHS, -1, " must be >= 0, got ",
   * -1)}.
   */
  public InvalidSettingException(Setting setting, Object value, Object... afterSetting) {
    this(setting, value, Words.of(setting).then(afterSetting));
  }

  /** Which setting is wrong. */
  public Setting setting() {
    return setting;
  }

  /** The value given for it (null when the problem is that none was given). */
  public Object value() {
    return value;
  }
}
