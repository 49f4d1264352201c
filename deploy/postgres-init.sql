-- One database per service (docs/design.md: each service owns its data); run once by the postgres image on first start.
CREATE DATABASE account;
CREATE DATABASE verification;
CREATE DATABASE product;
CREATE DATABASE points;
CREATE DATABASE membership;
CREATE DATABASE billing;
CREATE DATABASE notification;
CREATE DATABASE portal;
