// The part of Eleventy 3's API this project uses; Eleventy ships no TypeScript declarations.
declare module "@11ty/eleventy" {
  export interface EleventyEventArguments {
    readonly directories: { readonly input: string; readonly output: string };
    readonly runMode: "build" | "watch" | "serve";
    readonly outputMode?: string;
  }

  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    addTransform(name: string, transform: (content: string, outputPath: string | false) => string): void;
    addPlugin<Options>(plugin: (config: UserConfig, options: Options) => void | Promise<void>, options?: Options): void;
    on(
      event: "eleventy.before" | "eleventy.after",
      listener: (args: EleventyEventArguments) => void | Promise<void>,
    ): void;
    setQuietMode(quiet: boolean): void;
    setTemplateFormats(formats: string[]): void;
    setServerOptions(options: Record<string, unknown>): void;
  }

  export class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        runMode?: string;
        config?: (config: UserConfig) => unknown;
      },
    );
    write(): Promise<unknown>;
  }
}
