import { ApiProperty } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsNumber } from 'class-validator';

export class LngLatDto {
  @ApiProperty({ example: 118.3, minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude({ message: 'lng must be a longitude between -180 and 180' })
  lng!: number;

  @ApiProperty({ example: 36.8, minimum: -90, maximum: 90 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude({ message: 'lat must be a latitude between -90 and 90' })
  lat!: number;
}
