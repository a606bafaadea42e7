/** The version of the plugin contract this SDK implements; plugins' `sdk` ranges are checked against it. */
export const SDK_VERSION = '1.0.0';
