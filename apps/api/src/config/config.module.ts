import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, runtimeVariablesOf, type AppConfig } from './app.config.js';
import { RuntimeVariables } from './runtime-variables.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: RuntimeVariables, useValue: runtimeVariablesOf(config) },
      ],
      exports: [APP_CONFIG, RuntimeVariables],
    };
  }
}
