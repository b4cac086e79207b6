import { Schema, type Connection, type Model } from 'mongoose';

export interface Installation {
  _id: string;
  installationId: string;
  createdAt: Date;
}

const installationSchema = new Schema<Installation>(
  {
    _id: { type: String, required: true },
    installationId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'installation', versionKey: false },
);

export function installationModel(db: Connection): Model<Installation> {
  return (db.models.Installation as Model<Installation> | undefined) ?? db.model<Installation>('Installation', installationSchema);
}
